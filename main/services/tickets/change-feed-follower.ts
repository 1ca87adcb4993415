import type { FeedEvent, TicketStatus } from '../../../shared/api/tickets';
import { AppError } from '../../../shared/errors';
import type { TicketsRemote } from './tickets-remote';
import type { TicketsStore } from './tickets-store';
import { logFailure } from '../logging/log';

export interface FollowerOptions {
  remote: TicketsRemote;
  store: TicketsStore;
  currentUser: () => string | null;
  /** An engineer answered or moved a request: notify the user. */
  onEngineerEvent: (event: FeedEvent) => void;
  /** Anything changed on these requests: refresh what is shown. `statuses`: the latest status of those whose status moved. */
  onChanged: (ticketIds: string[], statuses: Record<string, TicketStatus>) => void;
  intervalMs?: number;
}

/**
 * Follows the service's change feed with a stored cursor, so nothing is missed across restarts
 * and nothing is announced twice. A first run starts from "now" rather than replaying history.
 */
export class ChangeFeedFollower {
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling: Promise<void> | null = null;

  constructor(private readonly o: FollowerOptions) {}

  start(): void {
    this.timer ??= setInterval(() => void this.poll().catch(logFailure('tickets: reading the change feed failed')), this.o.intervalMs ?? 5000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round: reads every page after the cursor. Concurrent calls share it. */
  poll(): Promise<void> {
    this.polling ??= this.read().finally(() => (this.polling = null));
    return this.polling;
  }

  private async read(): Promise<void> {
    const user = this.o.currentUser();
    if (!user) return;
    const start = this.o.store.cursor(user);
    if (start === undefined) {
      const { cursor } = await this.o.remote.feed('latest');
      this.o.store.setCursor(user, cursor);
      return;
    }
    let cursor = start;
    for (;;) {
      let page;
      try {
        page = await this.o.remote.feed(cursor);
      } catch (error) {
        if (error instanceof AppError && error.code === 'offline') return; // the next round tries again
        throw error;
      }
      if (this.o.currentUser() !== user) return; // signed out meanwhile
      this.o.store.transaction(() => {
        for (const event of page.events) if (event.actor === 'engineer') this.o.store.markUnread(user, event.ticketId);
        this.o.store.setCursor(user, page.cursor);
      });
      const changed = [...new Set(page.events.map((e) => e.ticketId))];
      const statuses = Object.fromEntries(page.events.filter((e) => e.kind === 'status' && e.status).map((e) => [e.ticketId, e.status!]));
      if (changed.length) this.o.onChanged(changed, statuses);
      for (const event of page.events) if (event.actor === 'engineer' && (event.kind === 'reply' || event.kind === 'status')) this.o.onEngineerEvent(event);
      if (page.events.length === 0 || page.cursor === cursor) return;
      cursor = page.cursor;
    }
  }
}
