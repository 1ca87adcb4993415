import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/contract/tickets-contract';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useOutbox, useSendNow, useUploadProgress } from './use-tickets';

/** "Waiting to send": what the outbox still holds, why, when it tries again, and upload progress. */
export function OutboxPanel({ ticketId }: { ticketId?: string }) {
  const { t, i18n } = useTranslation();
  const outbox = useOutbox();
  const sendNow = useSendNow();
  const progress = useUploadProgress();
  const items = (outbox.data ?? []).filter((item) => !ticketId || item.ticketId === ticketId);
  if (!items.length) return null;

  const describe = (item: OutboxItem) => {
    const text = t(`tickets.outbox.kind.${item.kind}`, { label: item.label });
    // Files alone are labelled by their names already.
    if (!item.files.length || item.kind === 'attach') return text;
    return t('tickets.outbox.withFiles', { text, files: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(item.files) });
  };
  return (
    <section className="outbox" aria-labelledby={`outbox-title${ticketId ?? ''}`}>
      <h2 id={`outbox-title${ticketId ?? ''}`}>{t('tickets.outbox.title', { count: items.length })}</h2>
      <ul className="outbox__list">
        {items.map((item) => {
          const upload = progress[item.seq];
          return (
            <li key={item.seq} className="outbox__item" data-outbox-item="">
              <p className="outbox__label">{describe(item)}</p>
              <p className="outbox__state">
                {item.state === 'sending' ? t('tickets.outbox.sending') : t('tickets.outbox.waiting')}
                {item.attempts > 0 && item.state !== 'sending' && ` · ${t('tickets.outbox.retry', { count: item.attempts, time: formatDateTime(item.nextAttemptAt, i18n.language) })}`}
              </p>
              {item.lastError && <p className="field__hint">{t('tickets.outbox.lastError', { message: item.lastError })}</p>}
              {item.state === 'sending' && upload && (
                <label className="outbox__progress">
                  {t('tickets.outbox.uploading')}
                  <progress max={upload.total || 1} value={upload.sent} />
                </label>
              )}
            </li>
          );
        })}
      </ul>
      {sendNow.isError && <ErrorAlert error={sendNow.error} />}
      <button type="button" className="button" onClick={() => sendNow.mutate()} disabled={sendNow.isPending}>
        {t('tickets.outbox.sendNow')}
      </button>
    </section>
  );
}
