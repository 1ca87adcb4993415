import { useTranslation } from 'react-i18next';
import type { TelemetryEvent } from '../../../shared/api/privacy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from './format';
import { useUsage } from './use-privacy';

const show = (event: TelemetryEvent) => JSON.stringify(event);

/** P2.8: exactly what usage statistics were sent, and what waits to be sent, byte for byte. */
export function UsageSection() {
  const { t, i18n } = useTranslation();
  const usage = useUsage();
  return (
    <div>
      <h2>{t('privacy.usage.title')}</h2>
      <p>{t('privacy.usage.intro')}</p>
      {usage.isError && <ErrorAlert error={usage.error} title={t('privacy.loadFailed')} onRetry={() => void usage.refetch()} />}
      {usage.data && (
        <>
          <p>{t(usage.data.consent ? 'privacy.usage.on' : 'privacy.usage.off')}</p>
          <h3>{t('privacy.usage.queued', { count: usage.data.queued.length })}</h3>
          <ul className="privacy__entries">
            {usage.data.queued.map((event, index) => (
              <li key={index}>
                <code>{show(event)}</code>
              </li>
            ))}
          </ul>
          <h3>{t('privacy.usage.sent', { count: usage.data.sent.length })}</h3>
          <ul className="privacy__entries">
            {usage.data.sent.map((item, index) => (
              <li key={index}>
                {formatDateTime(item.sentAt, i18n.language)}: <code>{show(item.event)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
