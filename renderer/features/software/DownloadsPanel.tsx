import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DownloadRow } from './DownloadRow';
import { useDownloadFolder, useDownloadProgress, useDownloads } from './use-software';

/** The download queue and its persisted history, with live progress. */
export function DownloadsPanel() {
  const { t } = useTranslation();
  const downloads = useDownloads();
  const progress = useDownloadProgress();
  const folder = useDownloadFolder();
  return (
    <section className="software-downloads" aria-labelledby="software-downloads-title">
      <h2 id="software-downloads-title">{t('software.downloads.title')}</h2>
      {folder.data && (
        <p className="field__hint">
          {t(folder.data.isDefault ? 'software.downloads.folderDefault' : 'software.downloads.folder', { folder: folder.data.folder })}
        </p>
      )}
      {downloads.isError && <ErrorAlert error={downloads.error} onRetry={() => void downloads.refetch()} />}
      {downloads.data?.length === 0 && <p>{t('software.downloads.empty')}</p>}
      <ul className="software-download-list">
        {downloads.data?.map((download) => <DownloadRow key={download.id} download={download} progress={progress[download.id]} />)}
      </ul>
    </section>
  );
}
