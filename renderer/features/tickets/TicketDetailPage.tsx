import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { countryName } from '../../i18n/country-codes';
import { OutboxPanel } from './OutboxPanel';
import { ReplyForm } from './ReplyForm';
import { TicketThread } from './TicketThread';
import { slaState } from './ticket-format';
import { useTicket, useTicketAction } from './use-tickets';

export function TicketDetailPage() {
  const { t, i18n } = useTranslation();
  const { ticketId = '' } = useParams();
  const ticket = useTicket(ticketId);
  const close = useTicketAction('close', ticketId);
  const reopen = useTicketAction('reopen', ticketId);
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  if (ticket.isPending) return <p role="status">{t('app.loading')}</p>;
  if (ticket.isError) return <ErrorAlert error={ticket.error} title={t('tickets.detail.loadFailed')} onRetry={() => void ticket.refetch()} />;
  const data = ticket.data;
  const sla = slaState(data);
  const open = data.status !== 'closed';
  // The service checks the reopen window and explains a refusal.
  const canReopen = (data.status === 'resolved' || data.status === 'closed') && data.reopenUntil !== null;
  const rows: [string, string][] = [
    ['product', data.product], ['version', data.version], ['deviceSerial', data.deviceSerial], ['category', t(`tickets.category.${data.category}`)],
    ['originRef', data.origin?.ref ?? ''], ['requesterIp', data.requesterIp],
    ['contactDetails', [data.contact.name, data.contact.email, data.contact.phone, data.contact.company, data.contact.contactAddress, countryName(data.contact.country, i18n.language)].filter(Boolean).join(' · ')],
  ];

  return (
    <section className="page page--wide">
      <p>
        <Link to="/tickets">{t('tickets.detail.back')}</Link>
      </p>
      <h1>
        {data.number}: {data.title}
      </h1>
      <p className="ticket-head">
        <span className={`badge badge--${data.status}`}>{t(`tickets.status.${data.status}`)}</span>
        <span className={`severity severity--${data.severity}`}>{t(`tickets.severity.${data.severity}`)}</span>
        <span className={`sla sla--${sla}`}>{t(`tickets.sla.${sla}`, { time: when(data.slaDueAt) })}</span>
      </p>
      <dl className="ticket-details">
        {rows.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(`tickets.fields.${key}`)}</dt>
            <dd className={value ? undefined : 'ticket-details__empty'}>{value || t('tickets.detail.none')}</dd>
          </Fragment>
        ))}
      </dl>
      <TicketThread ticket={data} />
      <OutboxPanel ticketId={data.id} />
      {data.canChange && open && <ReplyForm ticketId={data.id} />}
      {(close.isError || reopen.isError) && <ErrorAlert error={close.error ?? reopen.error} />}
      {data.canChange && (
        <div className="form__actions">
          {open && (
            <button type="button" className="button" onClick={() => close.mutate()} disabled={close.isPending}>
              {t('tickets.detail.close')}
            </button>
          )}
          {canReopen && (
            <button type="button" className="button" onClick={() => reopen.mutate()} disabled={reopen.isPending}>
              {t('tickets.detail.reopen')}
            </button>
          )}
        </div>
      )}
      {!data.canChange && <p className="field__hint">{t('tickets.detail.readOnly')}</p>}
    </section>
  );
}
