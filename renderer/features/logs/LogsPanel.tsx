import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { logsApi } from './logs.api';

/** Settings: where the logs are, and opening them for a support engineer (issue 14). */
export function LogsPanel() {
  const { t } = useTranslation();
  const info = useQuery({ queryKey: ['logs', 'info'], queryFn: logsApi.info, staleTime: Infinity });
  const openFolder = useMutation({ mutationFn: logsApi.openFolder });
  const show = useMutation({ mutationFn: logsApi.show });
  const failed = openFolder.error ?? show.error;

  return (
    <section className="fieldset" aria-labelledby="logs-title">
      <h2 id="logs-title">{t('logs.title')}</h2>
      <p className="field__hint">{t('logs.hint')}</p>
      {info.data && (
        <p>
          {t('logs.folder')} <code>{info.data.folder}</code>
        </p>
      )}
      {failed && <ErrorAlert error={failed} />}
      {info.data?.canOpen && (
        <div className="form__actions">
          <button type="button" className="button" onClick={() => openFolder.mutate()} disabled={openFolder.isPending}>
            {t('logs.openFolder')}
          </button>
          <button type="button" className="button" onClick={() => show.mutate()} disabled={show.isPending}>
            {t('logs.show')}
          </button>
        </div>
      )}
    </section>
  );
}
