import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { TicketStatus } from '../../../shared/api/tickets';
import { Toasts, useToastQueue } from '../../ui/Toasts';
import { ticketsApi } from './tickets.api';
import './tickets.css';

/** What one notice says about one request: an engineer's answer, its status now, or both. */
type Notice = { ticketId: string; number: string; replied: boolean; status: TicketStatus | null };

/** News goes by itself after this long (held while pointed at or focused). */
const NOTICE_MS = 8000;

/**
 * In-app notice the moment an engineer answers or moves a request: one per request (an answer and
 * the status change that comes with it are one notice), none for the request on screen, gone when
 * that request is opened or its status moves on again. Each notice opens its request.
 */
export function TicketNotifications() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { items, upsert, removeWhere, dismiss } = useToastQueue<Notice>();
  const onScreen = /^\/tickets\/([^/]+)$/.exec(pathname)?.[1];
  const onScreenRef = useRef(onScreen);

  useEffect(() => {
    onScreenRef.current = onScreen;
    if (onScreen) removeWhere((notice) => notice.ticketId === onScreen);
  }, [onScreen, removeWhere]);

  useEffect(() => {
    const offReply = ticketsApi.on('tickets.onDidReceiveReply', (event) => {
      if (event.ticketId === onScreenRef.current) return; // the page itself shows it
      upsert(
        (old) => old.ticketId === event.ticketId,
        (old) => ({
          ticketId: event.ticketId,
          number: event.number,
          replied: (old?.replied ?? false) || event.kind === 'reply',
          status: event.kind === 'status' ? event.status : (old?.status ?? null),
        }),
      );
    });
    // Any later status change (the user's own, from this or another computer) makes a status notice stale.
    const offChange = ticketsApi.on('tickets.onDidChange', ({ statuses }) => {
      if (statuses) removeWhere((notice) => notice.status !== null && statuses[notice.ticketId] !== undefined && statuses[notice.ticketId] !== notice.status);
    });
    return () => {
      offReply();
      offChange();
    };
  }, [upsert, removeWhere]);

  const text = (notice: Notice) => {
    const status = notice.status && t(`tickets.status.${notice.status}`);
    if (!notice.replied) return t('tickets.notify.status', { number: notice.number, status });
    return status ? t('tickets.notify.replyStatus', { number: notice.number, status }) : t('tickets.notify.reply', { number: notice.number });
  };
  const toasts = items.map((notice) => ({
    key: notice.key,
    text: text(notice),
    action: { label: t('tickets.notify.open', { number: notice.number }), run: () => void navigate(`/tickets/${notice.ticketId}`) },
    dismissLabel: t('tickets.notify.dismiss', { number: notice.number }),
  }));
  return <Toasts label={t('tickets.notify.region')} toasts={toasts} onDismiss={dismiss} urgency="polite" autoDismissMs={NOTICE_MS} />;
}
