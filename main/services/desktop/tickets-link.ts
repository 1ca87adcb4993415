import type { EventPayload } from '../../../shared/contract';
import type { Emitter } from '../emitter';
import type { NotificationCenter } from './notification-center';

/** What the desktop needs from the tickets domain (main/services/tickets/ticket-service.ts). */
export interface TicketEvents {
  onDidReceiveReply: Emitter<EventPayload<'tickets.onDidReceiveReply'>>;
  onDidChange: Emitter<EventPayload<'tickets.onDidChange'>>;
  list(): Promise<{ items: ReadonlyArray<{ unread: boolean }> }>;
}

/**
 * An engineer's answer becomes a desktop notification that opens the request; the tray shows how
 * many requests have unread answers. Returns the unsubscribe function.
 */
export function linkTicketsToDesktop(tickets: TicketEvents, notifications: NotificationCenter): () => void {
  const refreshUnread = () =>
    void tickets.list().then(
      ({ items }) => notifications.setUnreadCount(items.filter((item) => item.unread).length),
      // Signed out or offline: no count rather than a stale one.
      () => notifications.setUnreadCount(0),
    );
  const subscriptions = [
    tickets.onDidReceiveReply.on((event) => {
      if (event.kind === 'reply') notifications.ticketAnswered({ id: event.ticketId, reference: event.number });
    }),
    tickets.onDidChange.on(refreshUnread),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
