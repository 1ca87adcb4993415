import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../app-info/use-app-info';
import { formatDateTime, formatPercent } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useUpdateAction, useUpdateStatus } from './use-updates';

/** Check, download with progress, restart to install. Main refuses anything that fails verification. */
export function UpdatesPanel() {
  const { t, i18n } = useTranslation();
  const { data: info } = useAppInfo();
  const { data: status, error } = useUpdateStatus();
  const check = useUpdateAction('check');
  const download = useUpdateAction('download');
  const install = useUpdateAction('install');
  const busy = check.isPending || download.isPending || install.isPending;
  const failure = check.error ?? download.error ?? install.error ?? error;

  const text = (() => {
    if (!status) return '';
    switch (status.state) {
      case 'current':
        return t('settings.updates.current', { time: formatDateTime(status.checkedAt, i18n.language) });
      case 'available':
      case 'ready':
        return t(`settings.updates.${status.state}`, { version: status.version });
      case 'downloading':
        return t('settings.updates.downloading', { version: status.version, percent: formatPercent(status.percent / 100, i18n.language) });
      case 'failed':
        return status.reason === 'verification' ? t('settings.updates.failedVerification') : t('settings.updates.failedNetwork', { detail: status.detail });
      default:
        return t(`settings.updates.${status.state}`);
    }
  })();

  return (
    <section className="panel" aria-labelledby="updates-title" id="updates" tabIndex={-1}>
      <h2 id="updates-title">{t('settings.updates.title')}</h2>
      {info && <p>{t('settings.updates.version', { version: info.version })}</p>}
      <p role="status" className={status?.state === 'failed' ? 'field__error' : undefined}>
        {text}
      </p>
      {status?.state === 'downloading' && (
        <progress className="progress" max={100} value={status.percent} aria-label={t('settings.updates.progressLabel')}>
          {formatPercent(status.percent / 100, i18n.language)}
        </progress>
      )}
      {failure && <ErrorAlert error={failure} />}
      {status && status.state !== 'disabled' && (
        <div className="form__actions">
          {status.state === 'available' ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => download.mutate()}>
              {t('settings.updates.download')}
            </button>
          ) : status.state === 'ready' ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => install.mutate()}>
              {t('settings.updates.restart')}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy || status.state === 'checking' || status.state === 'downloading'} onClick={() => check.mutate()}>
              {t('settings.updates.check')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
