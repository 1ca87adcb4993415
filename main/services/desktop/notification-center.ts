import { Emitter } from '../emitter';
import type { SettingsService } from '../settings/settings-service';
import { isAppRoute } from './desktop-service';
import { desktopStrings } from './desktop-strings';

export interface DesktopNotification {
  title: string;
  body: string;
  /** The screen a click opens. */
  path: string;
}

/**
 * Decides what reaches the OS notification area and keeps the unread count for the tray.
 * Domains report events here (an engineer answered a ticket); main/platform shows them.
 */
export class NotificationCenter {
  readonly onNotify = new Emitter<DesktopNotification>();
  readonly onUnreadCount = new Emitter<number>();
  private unread = 0;

  constructor(private readonly settings: SettingsService) {}

  /** An engineer answered a service request: notify (if the user wants notifications) and open it on click. */
  ticketAnswered(ticket: { id: string; reference: string }): boolean {
    const path = `/tickets/${ticket.id}`;
    if (!this.settings.get().notifications || !isAppRoute(path)) return false;
    const strings = desktopStrings(this.settings.get().language);
    // The reference comes from the server: keep the notification short and free of control characters.
    const reference = ticket.reference.replace(/[\p{Cc}\p{Cf}]/gu, ' ').slice(0, 80);
    this.onNotify.fire({ title: strings.answeredTitle, body: strings.answeredBody(reference), path });
    return true;
  }

  setUnreadCount(count: number): void {
    const next = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
    if (next === this.unread) return;
    this.unread = next;
    this.onUnreadCount.fire(next);
  }

  unreadCount(): number {
    return this.unread;
  }
}
