import { METHOD_NAMES } from '../../../shared/channels';

// The documentation offers "open a service request" only where the tickets feature exists.
export const TICKETS_AVAILABLE = (METHOD_NAMES as readonly string[]).includes('tickets.newDraft');

/** The new-request screen, started from a topic the user read (it names the topic in the draft). */
export const newRequestPath = (fromTopic?: { library: string; topicId: string }) =>
  fromTopic ? `/tickets/new?fromTopic=${encodeURIComponent(`${fromTopic.library}/${fromTopic.topicId}`)}` : '/tickets/new';
