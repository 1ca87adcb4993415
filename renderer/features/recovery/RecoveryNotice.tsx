import { useTranslation } from 'react-i18next';
import type { RecoveryItem } from '../../../shared/contract/recovery-contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDismissRecovery, useRecoveryReport } from './use-recovery';
import './recovery.css';

/**
 * Issue 19: after the app found a damaged settings file or local database, it says once, on whatever
 * screen it opens with (the sign-in screen too), what was set aside where, what it kept and what is gone.
 */
export function RecoveryNotice() {
  const { t } = useTranslation();
  const report = useRecoveryReport();
  const dismiss = useDismissRecovery();
  if (!report.data?.items.length) return null;
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      {report.data.items.map((item) => (
        <RecoveryItemText key={`${item.kind}-${item.at}`} item={item} />
      ))}
      <p>{t('recovery.dataFolder', { path: report.data.dataFolder })}</p>
      {dismiss.isError && <ErrorAlert error={dismiss.error} title={t('recovery.dismissFailed')} />}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={dismiss.isPending} onClick={() => dismiss.mutate()}>
          {t('recovery.dismiss')}
        </button>
      </div>
    </section>
  );
}

function RecoveryItemText({ item }: { item: RecoveryItem }) {
  const { t } = useTranslation();
  if (item.kind === 'settings') {
    return (
      <p>
        {t('recovery.settings.damaged', { file: item.setAside })}{' '}
        {item.keptSettings ? t('recovery.settings.kept', { count: item.keptSettings }) : t('recovery.settings.nothingKept')}
      </p>
    );
  }
  const kept = (['outbox', 'drafts', 'feedback'] as const).filter((kind) => item.recovered[kind] > 0);
  const fromBackup = item.fromBackup.outbox + item.fromBackup.drafts + item.fromBackup.feedback;
  return (
    <div className="recovery__item">
      <p>
        {t(`recovery.database.cause.${item.cause}`)}{' '}
        {/* The WAL and SHM beside it share its name; the file itself is what a person looks for. */}
        {item.setAside[0] && t('recovery.database.setAside', { file: item.setAside[0] })}
      </p>
      {kept.length ? (
        <>
          <p>{t('recovery.database.recovered')}</p>
          <ul>
            {kept.map((kind) => (
              <li key={kind}>{t(`recovery.database.kept.${kind}`, { count: item.recovered[kind] })}</li>
            ))}
          </ul>
          {fromBackup > 0 && <p>{t('recovery.database.fromBackup', { count: fromBackup })}</p>}
        </>
      ) : (
        <p>{t('recovery.database.nothingRecovered')}</p>
      )}
      {item.lost.length > 0 && (
        <>
          <p>{t('recovery.database.lostTitle')}</p>
          <ul>
            {item.lost.map((kind) => (
              <li key={kind}>{t(`recovery.database.lost.${kind}`)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
