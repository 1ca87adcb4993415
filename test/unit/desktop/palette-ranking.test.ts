import { describe, expect, it } from 'vitest';
import { rankPaletteEntries, type PaletteEntry } from '../../../shared/palette-ranking';

const entries: PaletteEntry[] = [
  { id: 'settings', kind: 'page', title: 'Settings', path: '/settings' },
  { id: 'proxy', kind: 'setting', title: 'Proxy', keywords: ['network', 'PAC', '代理'], path: '/settings#settings-proxy' },
  { id: 'language', kind: 'setting', title: 'Language', keywords: ['语言'], path: '/settings#settings-language' },
  { id: 'T-1001', kind: 'ticket', title: 'VPN drops every hour', subtitle: 'T-1001 · Open', keywords: ['T-1001'], path: '/tickets/T-1001' },
  { id: 'bgp', kind: 'doc', title: 'Configuring BGP sessions', subtitle: 'NetOS 7.2', path: '/docs/netos-7.2/bgp' },
  { id: 'proxy-guide', kind: 'doc', title: 'Proxy server deployment guide', subtitle: 'Gateway 3', path: '/docs/gw-3/proxy' },
  { id: 'netos', kind: 'software', title: 'NetOS 7.2 firmware', path: '/software/netos' },
];
const titles = (query: string) => rankPaletteEntries(query, entries).map((e) => e.title);

describe('command palette ranking', () => {
  it('puts an exact title first, then titles that start with the query, then words inside titles', () => {
    expect(titles('proxy')).toEqual(['Proxy', 'Proxy server deployment guide']);
    expect(titles('net')[0]).toBe('NetOS 7.2 firmware');
  });

  it('finds a ticket by its number and a setting by a keyword in the other language', () => {
    expect(titles('t-1001')).toEqual(['VPN drops every hour']);
    expect(titles('代理')).toEqual(['Proxy']);
  });

  it('needs every word of the query to match', () => {
    expect(titles('bgp netos')).toEqual(['Configuring BGP sessions']);
    expect(titles('bgp firmware')).toEqual([]);
  });

  it('searches titles, keywords and subtitles of every domain at once', () => {
    expect(rankPaletteEntries('net', entries).map((e) => e.kind)).toEqual(['software', 'setting', 'doc']);
  });

  it('orders equal scores page, setting, ticket, doc, software', () => {
    const same = (['software', 'doc', 'ticket', 'setting', 'page'] as const).map((kind) => ({ id: kind, kind, title: 'Updates', path: '/settings' }));
    expect(rankPaletteEntries('updates', same).map((e) => e.kind)).toEqual(['page', 'setting', 'ticket', 'doc', 'software']);
  });

  it('shows pages and settings before anything is typed, never documents or tickets', () => {
    expect(rankPaletteEntries('  ', entries).map((e) => e.kind).every((k) => k === 'page' || k === 'setting')).toBe(true);
  });

  it('tolerates a missing letter in longer queries but not noise in short ones', () => {
    expect(titles('prxy')).toContain('Proxy');
    expect(titles('xq')).toEqual([]);
  });

  it('lists an entry once even when two sources return it, and respects the limit', () => {
    expect(rankPaletteEntries('proxy', [...entries, ...entries])).toHaveLength(2);
    expect(rankPaletteEntries('s', entries, 2)).toHaveLength(2);
  });
});
