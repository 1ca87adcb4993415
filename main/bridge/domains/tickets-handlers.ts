import type { TICKETS_METHODS } from '../../../shared/channel-names/tickets';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type TicketsMethod = (typeof TICKETS_METHODS)[number];

/** Bridge handlers of the tickets domain: one line each, calling a service. */
export function ticketsHandlers(_s: Services): { [M in TicketsMethod]: Handler<M> } {
  return {};
}
