import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CATEGORY_IDS, type CategoryId } from '../../../shared/api/privacy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportCategoryPicker } from './ExportCategoryPicker';
import { formatDateTime, formatSize } from './format';
import { useCreateExport, useDownloadExport, useExports } from './use-privacy';

/** P5.1: an export of the chosen categories (everything by default), prepared by the service, downloaded and checked, with this computer's data added. */
export function ExportSection() {
  const { t, i18n } = useTranslation();
  const exports = useExports();
  const create = useCreateExport();
  const download = useDownloadExport();
  const preparing = exports.data?.some((job) => job.status === 'pending') ?? false;
  const [chosen, setChosen] = useState<Set<CategoryId>>(() => new Set(CATEGORY_IDS));
  // "All" sends no list, so the service exports every category it holds, including any it adds later.
  const request = () => create.mutate(chosen.size === CATEGORY_IDS.length ? {} : { categories: CATEGORY_IDS.filter((id) => chosen.has(id)) });

  return (
    <div>
      <h2>{t('privacy.export.title')}</h2>
      <p>{t('privacy.export.intro')}</p>
      <ExportCategoryPicker chosen={chosen} onChange={setChosen} disabled={create.isPending || preparing} />
      <button type="button" className="button button--primary" disabled={create.isPending || preparing || chosen.size === 0} onClick={request}>
        {t('privacy.export.request')}
      </button>
      {create.isError && <ErrorAlert error={create.error} title={t('privacy.export.requestFailed')} />}
      {exports.isError && <ErrorAlert error={exports.error} title={t('privacy.loadFailed')} onRetry={() => void exports.refetch()} />}
      {preparing && (
        <p role="status">
          <progress aria-label={t('privacy.export.preparing')} /> {t('privacy.export.preparing')}
        </p>
      )}

      <ul className="privacy__list">
        {exports.data?.map((job) => (
          <li key={job.id} className="privacy__card">
            <p>
              <strong>{job.fileName}</strong> · {t(`privacy.export.statuses.${job.status}`)}
              {job.size !== null && ` · ${formatSize(job.size, i18n.language)}`}
            </p>
            <p className="field__hint">
              {t('privacy.export.dates', { created: formatDateTime(job.createdAt, i18n.language), expires: formatDateTime(job.expiresAt, i18n.language) })}
            </p>
            {job.download && (
              <p className="field__hint">
                {t(job.download.state === 'paused' || job.download.state === 'error' ? 'privacy.export.stopped' : 'privacy.export.continuing', {
                  received: formatSize(job.download.receivedBytes, i18n.language),
                  total: formatSize(job.download.totalBytes, i18n.language),
                })}
              </p>
            )}
            {job.status === 'ready' && (
              <button type="button" className="button" disabled={download.isPending} onClick={() => download.mutate(job.id)}>
                {t(job.download ? 'privacy.export.resume' : 'privacy.export.download', { name: job.fileName })}
              </button>
            )}
          </li>
        ))}
      </ul>

      {download.isPending && (
        <p role="status">
          <progress aria-label={t('privacy.export.downloading')} /> {t('privacy.export.downloading')}
        </p>
      )}
      {download.isError && <ErrorAlert error={download.error} title={t('privacy.export.downloadFailed')} />}
      {download.data && (
        <section className="privacy__card" aria-labelledby="export-archive">
          <h3 id="export-archive">{t('privacy.export.archive')}</h3>
          <p role="status">
            <Trans i18nKey="privacy.export.verified" values={{ sha256: download.data.archiveSha256 }} components={{ code: <code className="checksum" /> }} />
          </p>
          <p>
            <Trans i18nKey="privacy.export.fileChecksum" values={{ sha256: download.data.fileSha256 }} components={{ code: <code className="checksum" /> }} />
          </p>
          <p className="field__hint">{t('privacy.export.savedAt', { path: download.data.path })}</p>
          <ul className="privacy__entries" aria-label={t('privacy.export.entries')}>
            {download.data.entries.map((entry) => (
              <li key={entry}>
                <code>{entry}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
