import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTION_PURPOSES, REQUEST_KINDS, type NewRightsRequest } from '../../../shared/api/privacy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { EndRestriction } from './EndRestriction';
import { formatDate, formatDateTime } from './format';
import { useConfirmRequest, useCreateRequest, useRequests } from './use-privacy';

// Ending a restriction is offered only while one is in effect, by EndRestriction, not in this list.
const FORM_KINDS = REQUEST_KINDS.filter((k): k is Exclude<(typeof REQUEST_KINDS)[number], 'lift-restriction'> => k !== 'lift-restriction');
type Kind = (typeof FORM_KINDS)[number];
type Purpose = (typeof OBJECTION_PURPOSES)[number];

/** P5.3-P5.6: restrict (and end it), erase, withdraw consent, object; each tracked with its status and due date. */
export function RequestsSection() {
  const { t, i18n } = useTranslation();
  const requests = useRequests();
  const create = useCreateRequest();
  const confirm = useConfirmRequest();
  const [kind, setKind] = useState<Kind>('restrict');
  const [purpose, setPurpose] = useState<Purpose>('marketing');
  const [note, setNote] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: NewRightsRequest = kind === 'object' ? { kind, purpose, note } : { kind, note };
    create.mutate(input, { onSuccess: () => setNote('') });
  };

  return (
    <div>
      <h2>{t('privacy.requests.title')}</h2>
      <p>{t('privacy.requests.intro')}</p>
      <EndRestriction />
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="request-kind">{t('privacy.requests.kind')}</label>
          <select id="request-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {FORM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`privacy.requests.kinds.${k}`)}
              </option>
            ))}
          </select>
          <p className="field__hint">{t(`privacy.requests.kindHints.${kind}`)}</p>
        </div>
        {kind === 'object' && (
          <div className="field">
            <label htmlFor="request-purpose">{t('privacy.requests.purpose')}</label>
            <select id="request-purpose" className="input" value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)}>
              {OBJECTION_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {t(`privacy.requests.purposes.${p}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="request-note">{t('privacy.requests.note')}</label>
          <textarea id="request-note" className="input" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('privacy.requests.submit')}
          </button>
        </div>
      </form>
      <StatusMessage message={create.isSuccess ? t('privacy.requests.filed') : undefined} />
      {create.isError && <ErrorAlert error={create.error} title={t('privacy.requests.failed')} />}
      {confirm.isError && <ErrorAlert error={confirm.error} title={t('privacy.requests.confirmFailed')} />}
      {requests.isError && <ErrorAlert error={requests.error} title={t('privacy.loadFailed')} onRetry={() => void requests.refetch()} />}

      <h3>{t('privacy.requests.yours')}</h3>
      {requests.data?.length === 0 && <p>{t('privacy.requests.none')}</p>}
      <ul className="privacy__list">
        {requests.data?.map((request) => (
          <li key={request.id} className="privacy__card">
            <p>
              <strong>{t(`privacy.requests.kinds.${request.kind}`)}</strong>
              {request.purpose && ` — ${t(`privacy.requests.purposes.${request.purpose}`)}`}
              {' · '}
              <span className={`privacy__status privacy__status--${request.status}`}>{t(`privacy.requests.statuses.${request.status}`)}</span>
            </p>
            <p className="field__hint">
              {t('privacy.requests.dates', { received: formatDateTime(request.receivedAt, i18n.language), due: formatDate(request.dueAt, i18n.language) })}
            </p>
            {request.outcome && <p role="note">{t(`privacy.requests.outcomes.${request.outcome}`)}</p>}
            {request.refusal && (
              <p role="note">
                {t('privacy.requests.refusedBecause', { reason: t(`privacy.requests.refusals.${request.refusal.code}`) })}
              </p>
            )}
            {request.status === 'confirmation-needed' && (
              <>
                <p>{t('privacy.requests.confirmHint')}</p>
                <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate(request.id)}>
                  {t('privacy.requests.confirm')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
