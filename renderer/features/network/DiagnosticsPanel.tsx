import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NetworkDiagnostics } from '../../../shared/contract/desktop-contract';
import { formatDateTime, formatDurationMs } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { networkApi } from './network.api';

/** Which route the network stack takes to the support service, and a live test in plain words. */
export function DiagnosticsPanel() {
  const { t } = useTranslation();
  const run = useMutation({ mutationFn: networkApi.diagnose });

  return (
    <section className="panel" aria-labelledby="diagnostics-title" id="network-diagnostics" tabIndex={-1}>
      <h2 id="diagnostics-title">{t('network.diagnostics.title')}</h2>
      <p>{t('network.diagnostics.intro')}</p>
      <button type="button" className="button" onClick={() => run.mutate()} disabled={run.isPending}>
        {run.isPending ? t('network.diagnostics.running') : t('network.diagnostics.run')}
      </button>
      <div role="status" aria-busy={run.isPending}>
        {run.data && <DiagnosticsResult result={run.data} />}
      </div>
      {run.isError && <ErrorAlert error={run.error} title={t('network.diagnostics.loadFailed')} />}
    </section>
  );
}

function DiagnosticsResult({ result }: { result: NetworkDiagnostics }) {
  const { t, i18n } = useTranslation();
  const route = result.hops.length
    ? result.hops.map((hop) => (hop.type === 'DIRECT' ? t('network.diagnostics.direct') : t('network.diagnostics.via', { host: hop.host, port: hop.port }))).join(' → ')
    : t('network.diagnostics.unknownRoute');
  return (
    <dl className="details">
      <dt>{t('network.diagnostics.apiUrl')}</dt>
      <dd>{result.apiUrl}</dd>
      <dt>{t('network.diagnostics.proxyMode')}</dt>
      <dd>{t(`settings.proxy.modes.${result.proxyMode}`)}</dd>
      <dt>{t('network.diagnostics.route')}</dt>
      <dd>
        {route}
        {result.proxyProblem && <span className="field__error"> {t('network.diagnostics.proxyProblem', { problem: result.proxyProblem })}</span>}
      </dd>
      <dt>{t('network.diagnostics.result')}</dt>
      <dd>
        {result.test.ok ? (
          <strong className="ok-text">{t('network.diagnostics.ok', { duration: formatDurationMs(result.test.durationMs, i18n.language) })}</strong>
        ) : (
          <>
            <strong className="field__error">{t('network.diagnostics.failed')}</strong>{' '}
            {t(`network.diagnostics.problems.${result.test.problem ?? 'unknown'}`)}
            {result.test.detail && <span className="field__hint"> {t('network.diagnostics.details', { detail: result.test.detail })}</span>}
          </>
        )}
        <span className="field__hint"> {t('network.diagnostics.checkedAt', { time: formatDateTime(result.checkedAt, i18n.language) })}</span>
      </dd>
    </dl>
  );
}
