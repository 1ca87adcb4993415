import { SEVERITIES, type TicketListQuery, type TicketSummary } from '../../../shared/api/tickets';

type Query = Omit<TicketListQuery, 'limit'>;

/** True when the query lists every request of the user: only such a list may replace what is known. */
export const isUnfiltered = (query: Query) => !query.status && !query.severity && !query.product && !query.q;

const byDateDesc = (key: 'updatedAt' | 'createdAt') => (a: TicketSummary, b: TicketSummary) => b[key].localeCompare(a[key]);

/** The service's orders (server/tickets/ticket-repository.ts SORTS), over the summaries known here. */
const SORTS: Record<NonNullable<Query['sort']>, (a: TicketSummary, b: TicketSummary) => number> = {
  updated: byDateDesc('updatedAt'),
  created: byDateDesc('createdAt'),
  severity: (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.createdAt.localeCompare(b.createdAt),
  sla: (a, b) => a.slaDueAt.localeCompare(b.slaDueAt),
};

/**
 * The list filters applied offline to the requests known on this computer, as the service applies
 * them, except that the search reads titles and SR numbers only: a request's text is not kept here.
 */
export function filterKnownTickets(known: readonly TicketSummary[], query: Query): TicketSummary[] {
  const q = query.q?.trim().toLowerCase();
  const product = query.product?.trim().toLowerCase();
  return known
    .filter(
      (t) =>
        (!query.status || t.status === query.status) &&
        (!query.severity || t.severity === query.severity) &&
        (!product || t.product.toLowerCase() === product) &&
        (!q || t.title.toLowerCase().includes(q) || t.number.toLowerCase().includes(q)),
    )
    .sort(SORTS[query.sort ?? 'updated']);
}
