import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatBytesText } from './format';
import { DiskTransfer } from './DiskTransfer';
import { LibraryRow } from './LibraryRow';
import { StorageSettings } from './StorageSettings';
import { useLibraries, useLibraryProgress } from './use-docs';

/** Available and installed libraries: download, pause/resume, update, remove, and the disk they use. */
export function LibrariesPage() {
  const { t, i18n } = useTranslation();
  const libraries = useLibraries();
  const progress = useLibraryProgress();

  if (libraries.isPending) return <p>{t('app.loading')}</p>;
  if (libraries.isError) return <ErrorAlert error={libraries.error} title={t('docs.libraries.loadFailed')} onRetry={() => void libraries.refetch()} />;
  const { diskBytes, storageLimitBytes, catalogueOnline } = libraries.data;

  return (
    <section>
      <p>
        {t('docs.libraries.storage', { used: formatBytesText(diskBytes, i18n.language), limit: formatBytesText(storageLimitBytes, i18n.language) })}
      </p>
      <meter className="docs-meter" min={0} max={storageLimitBytes} value={diskBytes} aria-label={t('docs.libraries.storageLabel')} />
      {!catalogueOnline && <div className="notice">{t('docs.libraries.offline')}</div>}
      <ul className="docs-libraries">
        {libraries.data.libraries.map((library) => (
          <LibraryRow key={library.id} library={library} progress={progress[library.id]} />
        ))}
      </ul>
      {libraries.data.canUseDisk && <DiskTransfer libraries={libraries.data.libraries} />}
      <StorageSettings />
    </section>
  );
}
