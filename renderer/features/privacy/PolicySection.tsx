import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, summaryOf } from './format';
import { PrivacyContact } from './PrivacyContact';
import { usePolicy } from './use-privacy';

/** P9.1: the latest policy and its history; P5.7, P9.2: where to write. */
export function PolicySection() {
  const { t, i18n } = useTranslation();
  const policy = usePolicy();
  return (
    <div>
      <h2>{t('privacy.policy.title')}</h2>
      {policy.isError && <ErrorAlert error={policy.error} title={t('privacy.loadFailed')} onRetry={() => void policy.refetch()} />}
      {policy.data && (
        <>
          <p>
            {t('privacy.policy.version', { version: policy.data.current.version, date: formatDate(policy.data.current.effectiveAt, i18n.language) })}
          </p>
          <p>
            {policy.data.acknowledgedVersion
              ? t('privacy.policy.acknowledged', { version: policy.data.acknowledgedVersion })
              : t('privacy.policy.notAcknowledged')}
          </p>
          <div className="privacy__policy-text" tabIndex={0} role="document" aria-label={t('privacy.policy.textLabel')}>
            {summaryOf(policy.data.current.text, i18n.language).split('\n\n').map((paragraph, index) => (
              <p key={index}>{paragraph.replace(/\n/g, i18n.language === 'zh-CN' ? '' : ' ')}</p>
            ))}
          </div>
          <h3>{t('privacy.policy.history')}</h3>
          <ul>
            {policy.data.history.map((version) => (
              <li key={version.version}>
                {version.version} ({formatDate(version.effectiveAt, i18n.language)}): {summaryOf(version.summary, i18n.language)}
              </li>
            ))}
          </ul>
        </>
      )}
      <PrivacyContact />
    </div>
  );
}
