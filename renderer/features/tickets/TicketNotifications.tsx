import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventPayload } from '../../../shared/contract';
import { ticketsApi } from './tickets.api';
import './tickets.css';

type Toast = EventPayload<'tickets.onDidReceiveReply'> & { key: number };
const MAX_TOASTS = 3;
let nextKey = 1;

/**
 * In-app notice the moment an engineer answers or moves a request (desktop notifications are the
 * platform's job). A polite live region, so a screen reader announces it without stealing focus;
 * each notice opens its request.
 */
export function TicketNotifications() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(() => {
    const off = ticketsApi.on('tickets.onDidReceiveReply', (event) =>
      setToasts((all) => [...all.filter((x) => !(x.ticketId === event.ticketId && x.kind === event.kind)), { ...event, key: nextKey++ }].slice(-MAX_TOASTS)),
    );
    return () => void off();
  }, []);

  const dismiss = (key: number) => setToasts((all) => all.filter((x) => x.key !== key));
  const text = (toast: Toast) =>
    toast.kind === 'reply'
      ? t('tickets.notify.reply', { number: toast.number })
      : t('tickets.notify.status', { number: toast.number, status: t(`tickets.status.${toast.status ?? 'new'}`) });

  return (
    <div className="toasts" role="region" aria-label={t('tickets.notify.region')}>
      <div aria-live="polite" aria-atomic="false">
        {toasts.map((toast) => (
          <div key={toast.key} className="toast">
            <p className="toast__text">{text(toast)}</p>
            <div className="toast__actions">
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => {
                  dismiss(toast.key);
                  void navigate(`/tickets/${toast.ticketId}`);
                }}
              >
                {t('tickets.notify.open', { number: toast.number })}
              </button>
              <button type="button" className="button button--small" onClick={() => dismiss(toast.key)} aria-label={t('tickets.notify.dismiss', { number: toast.number })}>
                ×
              </button>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
