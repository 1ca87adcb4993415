import { SEVERITIES, type TicketListQuery, type TicketSummary } from '../../../shared/api/tickets';

type Query = Omit<TicketListQuery, 'limit'>;

/** True when the query lists every request of the user: only such a list may replace what is known. */
export const isUnfiltered = (query: Query) => !query.status && !query.severity && !query.product && !query.q;

type Order = (a: TicketSummary, b: TicketSummary) => number;
const seq = (t: TicketSummary) => Number(t.number.replace(/\D/g, ''));
const byNumber: Order = (a, b) => seq(a) - seq(b);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The service's orders, ties broken by SR number (server/tickets/ticket-repository.ts SORTS), over the summaries known here. */
const SORTS: Record<NonNullable<Query['sort']>, Order> = {
  updated: (a, b) => compareText(b.updatedAt, a.updatedAt) || byNumber(b, a),
  created: (a, b) => compareText(b.createdAt, a.createdAt) || byNumber(b, a),
  severity: (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareText(a.createdAt, b.createdAt) || byNumber(a, b),
  sla: (a, b) => compareText(a.slaDueAt, b.slaDueAt) || byNumber(a, b),
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
