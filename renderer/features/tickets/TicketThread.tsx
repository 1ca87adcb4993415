import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/api/tickets';
import { formatDateTime } from '../../i18n/format';
import { formatBytes } from './ticket-format';

/** The conversation, attachments and status history of one request. Texts are shown as text, never as HTML. */
export function TicketThread({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <>
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">{t('tickets.detail.thread')}</h2>
        <ol className="thread">
          <li className="thread__item">
            <p className="thread__meta">{t('tickets.detail.opened', { name: ticket.ownerName, time: when(ticket.createdAt) })}</p>
            <p className="thread__body">{ticket.description}</p>
          </li>
          {ticket.comments.map((c) => (
            <li key={c.id} className={`thread__item thread__item--${c.author}`}>
              <p className="thread__meta">
                {c.authorName} · {t(`tickets.detail.author.${c.author}`)} · {when(c.createdAt)}
              </p>
              <p className="thread__body">{c.body}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t('tickets.attachments.title')}</h2>
        {ticket.attachments.length ? (
          <ul className="attachments">
            {ticket.attachments.map((a) => (
              <li key={a.id}>
                {a.name} ({formatBytes(a.size, i18n.language)}) <span className="field__hint">SHA-256 {a.sha256.slice(0, 16)}…</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint">{t('tickets.attachments.none')}</p>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('tickets.detail.history')}</h2>
        <ol className="history">
          {ticket.history.map((h, i) => (
            <li key={i}>
              {when(h.at)}: {h.from ? t('tickets.detail.moved', { from: t(`tickets.status.${h.from}`), to: t(`tickets.status.${h.to}`) }) : t('tickets.detail.created')}{' '}
              ({t(`tickets.detail.author.${h.actor}`)})
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
