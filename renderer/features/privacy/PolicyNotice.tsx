import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, summaryOf } from './format';
import { useAcknowledgePolicy, usePolicy } from './use-privacy';
import './privacy.css';

/** P9.1: after the policy changed, a notice with the change summary stays on every screen until acknowledged. */
export function PolicyNotice() {
  const { t, i18n } = useTranslation();
  const policy = usePolicy();
  const acknowledge = useAcknowledgePolicy();
  const current = policy.data?.current;
  if (!current || policy.data?.acknowledgedVersion === current.version) return null;
  return (
    <section className="privacy__banner" aria-labelledby="policy-notice-title">
      <h2 id="policy-notice-title">{t('privacy.notice.title', { version: current.version, date: formatDate(current.effectiveAt, i18n.language) })}</h2>
      <p>{summaryOf(current.summary, i18n.language)}</p>
      {acknowledge.isError && <ErrorAlert error={acknowledge.error} title={t('privacy.notice.failed')} />}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(current.version)}>
          {t('privacy.notice.acknowledge')}
        </button>
        <Link to="/privacy/policy" className="button">
          {t('privacy.notice.read')}
        </Link>
      </div>
    </section>
  );
}
