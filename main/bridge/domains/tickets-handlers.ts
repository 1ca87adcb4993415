import type { TICKETS_METHODS } from '../../../shared/channel-names/tickets';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type TicketsMethod = (typeof TICKETS_METHODS)[number];

/** Bridge handlers of the tickets domain: one line each, calling a service. */
export function ticketsHandlers(s: Services): { [M in TicketsMethod]: Handler<M> } {
  const t = s.tickets;
  return {
    'tickets.list': (query) => t.list(query ?? {}),
    'tickets.get': ({ id }) => t.get(id),
    'tickets.markRead': ({ id }) => t.markRead(id),
    'tickets.close': ({ id }) => t.close(id),
    'tickets.reopen': ({ id }) => t.reopen(id),
    'tickets.devices': () => t.devices(),
    'tickets.newDraft': ({ fromTopic }) => t.newDraft(fromTopic),
    'tickets.getDraft': ({ id }) => t.getDraft(id),
    'tickets.saveDraft': ({ id, values }) => t.saveDraft(id, values),
    'tickets.deleteDraft': ({ id }) => t.deleteDraft(id),
    'tickets.drafts': () => t.listDrafts(),
    'tickets.submitDraft': ({ id }) => t.submitDraft(id),
    'tickets.reply': ({ ticketId, body, attachmentIds }) => t.reply(ticketId, body, attachmentIds),
    'tickets.replyDraft': ({ ticketId }) => t.replyDraft(ticketId),
    'tickets.outbox': () => t.outboxItems(),
    'tickets.sendNow': () => t.sendNow(),
    'tickets.capabilities': () => t.capabilities(),
    'tickets.pickAttachments': () => t.pickAttachments(),
    'tickets.stageBytes': ({ name, dataBase64 }) => t.stageBytes(name, dataBase64),
    'tickets.discardAttachment': ({ id }) => t.discardAttachment(id),
    'tickets.diagnostics': () => t.diagnostics(),
    'tickets.suggestTopics': ({ title }) => t.suggestTopics(title),
    'tickets.saveAttachment': ({ ticketId, attachmentId }) => t.saveAttachment(ticketId, attachmentId),
  };
}
