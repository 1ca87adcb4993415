import type { TicketListQuery } from '../../../shared/api/tickets';
import type { EventName } from '../../../shared/channels';
import type { EventPayload } from '../../../shared/contract';
import type { DraftValues } from '../../../shared/contract/tickets-contract';
import { call, support } from '../../app/bridge';

/** The only file of the feature that touches window.support. */
export const ticketsApi = {
  list: (query: Omit<TicketListQuery, 'limit'>) => call(support().tickets.list(query)),
  get: (id: string) => call(support().tickets.get({ id })),
  markRead: (id: string) => call(support().tickets.markRead({ id })),
  close: (id: string) => call(support().tickets.close({ id })),
  reopen: (id: string) => call(support().tickets.reopen({ id })),
  devices: () => call(support().tickets.devices()),
  newDraft: (fromTopic?: string) => call(support().tickets.newDraft(fromTopic ? { fromTopic } : {})),
  getDraft: (id: string) => call(support().tickets.getDraft({ id })),
  saveDraft: (id: string, values: DraftValues) => call(support().tickets.saveDraft({ id, values })),
  deleteDraft: (id: string) => call(support().tickets.deleteDraft({ id })),
  drafts: () => call(support().tickets.drafts()),
  submitDraft: (id: string) => call(support().tickets.submitDraft({ id })),
  reply: (ticketId: string, body: string, attachmentIds: string[]) => call(support().tickets.reply({ ticketId, body, attachmentIds })),
  replyDraft: (ticketId: string) => call(support().tickets.replyDraft({ ticketId })),
  outbox: () => call(support().tickets.outbox()),
  sendNow: () => call(support().tickets.sendNow()),
  capabilities: () => call(support().tickets.capabilities()),
  pickAttachments: () => call(support().tickets.pickAttachments()),
  stageBytes: (name: string, dataBase64: string) => call(support().tickets.stageBytes({ name, dataBase64 })),
  discardAttachment: (id: string) => call(support().tickets.discardAttachment({ id })),
  diagnostics: () => call(support().tickets.diagnostics()),
  suggestTopics: (title: string) => call(support().tickets.suggestTopics({ title })),
  saveAttachment: (ticketId: string, attachmentId: string) => call(support().tickets.saveAttachment({ ticketId, attachmentId })),
  on: <E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void) => support().on(event, callback),
};
