import type { ApiContext } from '../context';
import type { TicketRow } from './ticket-mapping';
import type { TicketRepository } from './ticket-repository';
import { DisclosureRegister } from '../privacy/disclosures';

export const FIELD_SERVICE_PARTNER = 'Field Service Partner GmbH';

/** A critical request about a device on site needs an engineer there: the demo's partner flow. */
const needsFieldService = (row: TicketRow) => row.device_serial.trim() !== '' && row.severity === 'critical';

/**
 * Hands the request to the authorised field service partner and records the disclosure as it happens
 * (P4.2): who received what, why and on which legal basis. The person reads it in the reply and in
 * the disclosure register of My data, and finds it in their export.
 */
function handToFieldPartner(ctx: ApiContext, repo: TicketRepository, row: TicketRow): void {
  new DisclosureRegister(ctx.db).record(
    row.owner_id,
    { recipient: FIELD_SERVICE_PARTNER, recipientCategory: 'service-partners', purpose: 'P2.3', dataCategories: ['identity', 'service-requests', 'devices'], legalBasis: 'contract' },
    ctx.now(),
  );
  repo.addComment(row, 'engineer', DEMO_ENGINEER_NAME,
    `This needs an engineer on site: we have passed your request, your contact details and the device ${row.device_serial} to our field service partner, ${FIELD_SERVICE_PARTNER}, who will contact you.`,
    ctx.now());
}

export const DEMO_ENGINEER_NAME = 'Sam Ortega (Support)';

/** Seconds the demo engineer waits before answering; SUPPORT_DEMO_ENGINEER_DELAY_MS overrides it (e2e tests, demos). */
export function demoEngineerDelayMs(): number {
  const fromEnv = Number(process.env.SUPPORT_DEMO_ENGINEER_DELAY_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 20_000;
}

const PER_TICK = 20;

/**
 * The reference API's stand-in for the vendor's support staff, so that a demo shows replies and
 * status changes: a new request gets a question (waiting for customer); once the customer answers,
 * the engineer proposes a fix and resolves it. Driven by the server's clock, so tests move it.
 */
export function demoEngineerTick(ctx: ApiContext, repo: TicketRepository, delayMs: number): number {
  if (!ctx.db.open) return 0; // the server is closing
  const before = ctx.now() - delayMs;
  const fresh = ctx.db
    .prepare("SELECT t.*, '' AS owner_name FROM tickets t WHERE t.status = 'new' AND t.created_at <= ? ORDER BY t.created_at LIMIT ?")
    .all(before, PER_TICK) as TicketRow[];
  const answered = ctx.db
    .prepare(
      `SELECT t.*, '' AS owner_name FROM tickets t WHERE t.status = 'in_progress' AND t.updated_at <= ?
         AND (SELECT c.author FROM ticket_comments c WHERE c.ticket_id = t.id ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1) = 'customer'
       ORDER BY t.updated_at LIMIT ?`,
    )
    .all(before, PER_TICK) as TicketRow[];
  ctx.db.transaction(() => {
    for (const row of fresh) {
      if (needsFieldService(row)) handToFieldPartner(ctx, repo, row);
      repo.addComment(row, 'engineer', DEMO_ENGINEER_NAME,
        `Thank you for ${row.title.length > 60 ? 'your request' : `"${row.title}"`}. Could you send the output of "show diagnostics" and tell us when the problem started?`,
        ctx.now());
      repo.setStatus(row, 'waiting_for_customer', 'engineer', ctx.now());
    }
    for (const row of answered) {
      repo.addComment(row, 'engineer', DEMO_ENGINEER_NAME,
        'Thanks, that helps. Please update to the latest firmware; it fixes this. We are resolving the request: reopen it if the problem comes back.',
        ctx.now());
      repo.setStatus(row, 'resolved', 'engineer', ctx.now());
    }
  })();
  return fresh.length + answered.length;
}
