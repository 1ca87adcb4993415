import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventPayload } from '../../../shared/contract';
import { Toasts, useToastQueue } from '../../ui/Toasts';
import { ticketsApi } from './tickets.api';
import './tickets.css';

type Reply = EventPayload<'tickets.onDidReceiveReply'>;

/** In-app notice the moment an engineer answers or moves a request; each notice opens its request. */
export function TicketNotifications() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, push, dismiss } = useToastQueue<Reply>();

  useEffect(() => {
    const off = ticketsApi.on('tickets.onDidReceiveReply', (event) => push(event, (old) => old.ticketId === event.ticketId && old.kind === event.kind));
    return () => void off();
  }, [push]);

  const text = (reply: Reply) =>
    reply.kind === 'reply' ? t('tickets.notify.reply', { number: reply.number }) : t('tickets.notify.status', { number: reply.number, status: t(`tickets.status.${reply.status ?? 'new'}`) });
  const toasts = items.map((reply) => ({
    key: reply.key,
    text: text(reply),
    action: { label: t('tickets.notify.open', { number: reply.number }), run: () => void navigate(`/tickets/${reply.ticketId}`) },
    dismissLabel: t('tickets.notify.dismiss', { number: reply.number }),
  }));
  return <Toasts label={t('tickets.notify.region')} toasts={toasts} onDismiss={dismiss} urgency="polite" />;
}
