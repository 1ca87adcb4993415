import type { PaletteEntry } from '../../../shared/palette-ranking';
import { call, support } from '../../app/bridge';
import { breadcrumb } from '../../../shared/docs-search-location';

/** Results from the other domains' own bridge methods, as palette entries. */
export const paletteSources = {
  docs: async (query: string): Promise<PaletteEntry[]> => {
    const result = await call(support().docs.search({ query, limit: 8, includeOnline: false }));
    return result.hits.map((hit) => ({
      id: `${hit.library}/${hit.topicId}`,
      kind: 'doc',
      title: hit.title,
      // Where it sits (library and version > page): two "Parameters" are two different places.
      subtitle: breadcrumb(hit).join(' › '),
      path: `/docs/read/${encodeURIComponent(hit.library)}/${encodeURIComponent(hit.topicId)}`,
    }));
  },
  tickets: async (query: string): Promise<PaletteEntry[]> => {
    const result = await call(support().tickets.list({ q: query }));
    return result.items.slice(0, 8).map((ticket) => ({
      id: ticket.id,
      kind: 'ticket',
      title: ticket.title,
      subtitle: `${ticket.number} · ${ticket.product}`,
      keywords: [ticket.number, ticket.product],
      path: `/tickets/${encodeURIComponent(ticket.id)}`,
    }));
  },
  software: async (query: string): Promise<PaletteEntry[]> => {
    const result = await call(support().software.catalogue({ q: query }));
    return result.products.slice(0, 8).map((product) => ({
      id: product.id,
      kind: 'software',
      title: product.name,
      subtitle: product.releases[0]?.version ?? product.summary,
      keywords: [product.id, product.summary],
      path: `/software?product=${encodeURIComponent(product.id)}`,
    }));
  },
} satisfies Record<string, (query: string) => Promise<PaletteEntry[]>>;

export type PaletteSource = keyof typeof paletteSources;

export const osNavigationApi = {
  takePending: () => call(support().desktop.takePendingNavigation()),
  onNavigate: (callback: (target: { path: string }) => void) => support().on('desktop.onNavigate', callback),
  onCommand: (callback: (command: { command: 'openPalette' | 'checkForUpdates' }) => void) => support().on('desktop.onCommand', callback),
};
