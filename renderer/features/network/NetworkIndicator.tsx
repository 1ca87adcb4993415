import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useCheckNetwork, useNetworkStatus } from './use-network';

export function NetworkIndicator() {
  const { t, i18n } = useTranslation();
  const { data: status } = useNetworkStatus();
  const check = useCheckNetwork();

  const online = status?.online ?? false;
  const details = status
    ? [
        t('network.checkedAt', { time: formatDateTime(status.checkedAt, i18n.language) }),
        status.problem ? t('network.problem', { problem: status.problem }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : undefined;

  return (
    <div className="network" role="group" aria-label={t('network.label')}>
      {/* aria-live rather than role=status: page-level status messages keep that role to themselves. */}
      <span className="network__state" aria-live="polite" title={details}>
        {status && (
          <>
            <span className={online ? 'network__dot network__dot--online' : 'network__dot'} aria-hidden="true" />
            {online ? t('network.online') : t('network.offline')}
          </>
        )}
      </span>
      <button type="button" className="button button--small" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? t('network.checking') : t('network.checkAgain')}
      </button>
    </div>
  );
}
