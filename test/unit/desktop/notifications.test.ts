import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { Emitter } from '../../../main/services/emitter';
import { linkTicketsToDesktop } from '../../../main/services/desktop/tickets-link';
import { desktopStrings } from '../../../main/services/desktop/desktop-strings';
import desktopEn from '../../../shared/i18n/desktop/en.json';
import desktopZh from '../../../shared/i18n/desktop/zh-CN.json';
import { NotificationCenter, type DesktopNotification } from '../../../main/services/desktop/notification-center';
import { SettingsService } from '../../../main/services/settings/settings-service';

const settings = () => new SettingsService(new Conf({ projectName: 'esd-notify', cwd: mkdtempSync(join(tmpdir(), 'esd-notify-')) }));

describe('desktop notifications', () => {
  it('an engineer answer notifies in the user language and opens that ticket on click', () => {
    const s = settings();
    s.update({ language: 'zh-CN' });
    const center = new NotificationCenter(s);
    const shown: DesktopNotification[] = [];
    center.onNotify.on((n) => shown.push(n));
    expect(center.ticketAnswered({ id: 't-1001', reference: 'SR-1001\u0007' })).toBe(true);
    expect(shown).toEqual([{ title: '工程师已回复', body: 'SR-1001  有新回复。点击打开。', path: '/tickets/t-1001' }]);
  });

  it('stays quiet when the user turned notifications off, or the ticket id is not a safe route', () => {
    const s = settings();
    const center = new NotificationCenter(s);
    const shown: DesktopNotification[] = [];
    center.onNotify.on((n) => shown.push(n));
    expect(center.ticketAnswered({ id: '../settings', reference: 'x' })).toBe(false);
    s.update({ notifications: false });
    expect(center.ticketAnswered({ id: 'T-1', reference: 'x' })).toBe(false);
    expect(shown).toEqual([]);
  });

  it('announces the unread count for the tray only when it changes', () => {
    const center = new NotificationCenter(settings());
    const counts: number[] = [];
    center.onUnreadCount.on((n) => counts.push(n));
    center.setUnreadCount(2);
    center.setUnreadCount(2);
    center.setUnreadCount(-1);
    center.setUnreadCount(Number.NaN);
    expect(counts).toEqual([2, 0]);
  });

  it('says every menu, tray, notification and dialog title in the chosen language, from the catalogue the renderer loads', () => {
    const en = desktopStrings('en');
    const zh = desktopStrings('zh-CN');
    expect(en.attachFiles).toBe(desktopEn.attachFiles);
    expect(zh.attachFiles).toBe(desktopZh.attachFiles);
    expect(zh.unread(3)).toBe('3 条未读回复');
    expect(en.unread(1)).toBe('1 unread answer');
    expect(en.answeredBody('SR-1001')).toContain('SR-1001');
    // No Chinese string falls back to English (a missing key would).
    const plain = (s: typeof en) => Object.entries(s).filter(([, value]) => typeof value === 'string') as Array<[string, string]>;
    const english = Object.fromEntries(plain(en));
    expect(plain(zh).filter(([key, value]) => value === english[key] || value === '').map(([key]) => key)).toEqual([]);
    expect(Object.values(zh.signInPage).filter((value) => /[a-z]{3}/.test(value))).toEqual([]);
  });
});

describe('tickets to desktop', () => {
  it('an engineer reply notifies and opens the request; status changes do not; the tray follows unread requests', async () => {
    const center = new NotificationCenter(settings());
    const tickets = {
      onDidReceiveReply: new Emitter<EventPayload<'tickets.onDidReceiveReply'>>(),
      onDidChange: new Emitter<EventPayload<'tickets.onDidChange'>>(),
      list: async () => ({ items: [{ unread: true }, { unread: false }, { unread: true }] }),
    };
    const shown: DesktopNotification[] = [];
    const counts: number[] = [];
    center.onNotify.on((n) => shown.push(n));
    center.onUnreadCount.on((n) => counts.push(n));
    const unlink = linkTicketsToDesktop(tickets, center);
    tickets.onDidReceiveReply.fire({ ticketId: 'tk_1', number: 'SR-1001', kind: 'reply', status: null });
    tickets.onDidReceiveReply.fire({ ticketId: 'tk_1', number: 'SR-1001', kind: 'status', status: 'closed' });
    expect(shown.map((n) => n.path)).toEqual(['/tickets/tk_1']);
    tickets.onDidChange.fire({ reason: 'remote', ticketIds: ['tk_1'] });
    await vi.waitFor(() => expect(counts).toEqual([2]));
    unlink();
    tickets.onDidReceiveReply.fire({ ticketId: 'tk_2', number: 'SR-1002', kind: 'reply', status: null });
    expect(shown).toHaveLength(1);
  });
});
