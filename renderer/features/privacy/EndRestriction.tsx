import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { formatDateTime } from './format';
import { useCreateRequest, useMyData, useRequests } from './use-privacy';

/**
 * P5.3: a restricted account can end the restriction. Offered only while the account is restricted;
 * the text says beforehand what resumes (GDPR Art. 18(3)), and the request is then confirmed by
 * signing in again, like the restriction itself (P5.6), from the request list below.
 */
export function EndRestriction() {
  const { t, i18n } = useTranslation();
  const myData = useMyData();
  const requests = useRequests();
  const create = useCreateRequest();
  if (!myData.data?.restricted) return null;

  const since = myData.data.categories.find((c) => c.id === 'account')?.records[0]?.restrictedAt;
  const waiting = requests.data?.some((r) => r.kind === 'lift-restriction' && r.status === 'confirmation-needed');
  return (
    <section className="notice" aria-labelledby="end-restriction-title">
      <h3 id="end-restriction-title">{t('privacy.requests.restriction.title')}</h3>
      <p>
        {typeof since === 'string'
          ? t('privacy.requests.restriction.body', { since: formatDateTime(since, i18n.language) })
          : t('privacy.requests.restriction.bodyUndated')}
      </p>
      {waiting ? (
        <p>{t('privacy.requests.restriction.pending')}</p>
      ) : (
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate({ kind: 'lift-restriction' })}>
          {t('privacy.requests.restriction.end')}
        </button>
      )}
      <StatusMessage message={create.isSuccess ? t('privacy.requests.restriction.filed') : undefined} />
      {create.isError && <ErrorAlert error={create.error} title={t('privacy.requests.restriction.failed')} />}
    </section>
  );
}
