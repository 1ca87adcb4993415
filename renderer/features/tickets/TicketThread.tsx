import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/api/tickets';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ShortChecksum } from '../../ui/Checksum';
import { StatusMessage } from '../../ui/StatusMessage';
import { formatBytes } from './ticket-format';
import { ticketsApi } from './tickets.api';
import { useCapabilities } from './use-tickets';

/** The conversation, attachments and status history of one request. Texts are shown as text, never as HTML. */
export function TicketThread({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const caps = useCapabilities();
  const save = useMutation({ mutationFn: (attachmentId: string) => ticketsApi.saveAttachment(ticket.id, attachmentId) });
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
                {a.name} ({formatBytes(a.size, i18n.language)}) <ShortChecksum value={a.sha256} of={a.name} />{' '}
                {caps.data?.nativeSave && (
                  <button type="button" className="button button--small" onClick={() => save.mutate(a.id)} disabled={save.isPending} aria-label={t('tickets.attachments.saveNamed', { name: a.name })}>
                    {t('tickets.attachments.save')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="field__hint">{t('tickets.attachments.none')}</p>
        )}
        <StatusMessage message={save.data?.saved ? t('tickets.attachments.saved', { name: save.data.name }) : undefined} />
        {save.isError && <ErrorAlert error={save.error} title={t('tickets.attachments.saveFailed')} />}
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
