import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TelemetryEvent } from '../../../shared/api/privacy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from './format';
import { useUsage } from './use-privacy';

/** An event in words ("Screen viewed: My data · 4 Dec 2026, 17:00 · version 0.1.0 · Linux"). */
function describe(event: TelemetryEvent, t: TFunction, language: string): string {
  const name = t(`privacy.usage.events.${event.name.replace('.', '_')}`);
  return [
    event.screen ? `${name}: ${t(`privacy.usage.screens.${event.screen}`)}` : name,
    formatDateTime(event.hour.replace(/Z$/, ':00Z'), language),
    t('privacy.usage.version', { version: event.appVersion }),
    t(`privacy.usage.platforms.${event.platform}`),
  ].join(' · ');
}

/** One event: in words, and exactly as sent (P2.8), one click away. */
function EventLine({ event, sentAt }: { event: TelemetryEvent; sentAt?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      {sentAt && `${t('privacy.usage.sentAt', { time: formatDateTime(sentAt, i18n.language) })} `}
      {describe(event, t, i18n.language)}
      <details className="privacy__raw">
        <summary>{t('privacy.usage.exact')}</summary>
        <code>{JSON.stringify(event)}</code>
      </details>
    </li>
  );
}

/** P2.8: exactly what usage statistics were sent, and what waits to be sent, byte for byte. */
export function UsageSection() {
  const { t } = useTranslation();
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
              <EventLine key={index} event={event} />
            ))}
          </ul>
          <h3>{t('privacy.usage.sent', { count: usage.data.sent.length })}</h3>
          <ul className="privacy__entries">
            {usage.data.sent.map((item, index) => (
              <EventLine key={index} event={item.event} sentAt={item.sentAt} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
