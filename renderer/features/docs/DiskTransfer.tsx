import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { useTranslation } from 'react-i18next';
import type { LibraryView } from '../../../shared/contract/docs-contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { docsApi } from './docs.api';
import { useDocsMutation } from './use-docs';

/** For air-gapped PCs: import a folder of HTML and PDF manuals, a PDF or a package file, export an installed library (OS dialogs in main). */
export function DiskTransfer({ libraries }: { libraries: LibraryView[] }) {
  const { t } = useTranslation();
  const importer = useDocsMutation(docsApi.importFromDisk);
  const exporter = useDocsMutation(docsApi.exportToDisk);
  const installed = libraries.filter((l) => l.state === 'installed' || l.state === 'update-available');
  const [selected, setSelected] = useState('');
  const exportId = selected || installed[0]?.id || '';
  const progress = useImportProgress(importer.isPending);
  const status = importer.data
    ? t('docs.disk.imported', { id: importer.data.libraryId, count: importer.data.topicCount })
    : exporter.data
      ? t('docs.disk.exported', { file: exporter.data.file })
      : undefined;

  return (
    <section className="docs-disk" aria-labelledby="docs-disk-title">
      <h2 id="docs-disk-title">{t('docs.disk.title')}</h2>
      <div className="form__actions">
        <button type="button" className="button" disabled={importer.isPending} onClick={() => importer.mutate('folder')}>
          {t('docs.disk.importFolder')}
        </button>
        <button type="button" className="button" disabled={importer.isPending} onClick={() => importer.mutate('package')}>
          {t('docs.disk.importPackage')}
        </button>
      </div>
      {installed.length > 0 && (
        <div className="form__actions">
          <label htmlFor="docs-export-library">{t('docs.disk.exportLabel')}</label>
          <select id="docs-export-library" className="input input--narrow" value={exportId} onChange={(e) => setSelected(e.target.value)}>
            {installed.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={exporter.isPending} onClick={() => exporter.mutate(exportId)}>
            {t('docs.disk.export')}
          </button>
        </div>
      )}
      {importer.isPending && (
        <p role="status">
          {progress?.pages
            ? t('docs.disk.progressPage', { file: progress.file, page: progress.page, pages: progress.pages })
            : progress && progress.total > 1
              ? t('docs.disk.progressFile', { done: progress.done + 1, total: progress.total })
              : t('docs.libraries.state.importing')}
        </p>
      )}
      {importer.data && importer.data.skipped.length > 0 && (
        <div role="alert" className="docs-disk__skipped">
          <p>{t('docs.disk.skipped')}</p>
          <ul>
            {importer.data.skipped.map((s) => (
              <li key={s.file}>{s.message}</li>
            ))}
          </ul>
        </div>
      )}
      {(importer.isError || exporter.isError) && <ErrorAlert error={importer.error ?? exporter.error} />}
      <StatusMessage message={status} />
    </section>
  );
}

/** The last progress of a local import while it runs: the file and, for a PDF, the page being read. */
function useImportProgress(running: boolean): EventPayload<'docs.onProgress'> | null {
  const [progress, setProgress] = useState<EventPayload<'docs.onProgress'> | null>(null);
  useEffect(() => {
    if (!running) return undefined;
    return docsApi.onProgress((p) => p.phase === 'importing' && setProgress(p));
  }, [running]);
  return running ? progress : null;
}
