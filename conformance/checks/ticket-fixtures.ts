import { TicketSchema, type Severity, type Ticket, type TicketCreate } from '../../shared/api/tickets';
import type { ApiCaller } from '../http-client';
import { newKey } from '../http-client';
import { expectStatus, must } from '../kit';

/** A valid service request whose title carries the run's word, so filters find only this run's requests. */
export function ticketBody(runId: string, overrides: Partial<TicketCreate> = {}): TicketCreate {
  return {
    title: `${runId} conformance request`,
    description: 'Created by the conformance kit to check the Support API contract.',
    product: `Conformance ${runId}`,
    version: '1.0',
    deviceSerial: '',
    severity: 'low' satisfies Severity,
    category: 'question',
    contact: { name: 'Conformance Kit', email: 'kit@conformance.example', phone: '', country: 'DE', contactAddress: '', company: '' },
    origin: null,
    ...overrides,
  };
}

/** Opens a request as this caller and returns it, checked against the Ticket schema. */
export async function createTicket(caller: ApiCaller, body: TicketCreate): Promise<Ticket> {
  const answer = await caller.call('POST', '/tickets', { json: body, key: newKey() });
  expectStatus(answer, 201, 'POST /tickets');
  const ticket = TicketSchema.safeParse(answer.body);
  must(ticket.success, `POST /tickets answer does not match Ticket: ${ticket.success ? '' : ticket.error.issues[0]?.path.join('.')}`);
  return ticket.data;
}
