import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/contract';
import type { LibraryView } from '../../../shared/contract/docs-contract';
import { DownloadReasonText } from '../../ui/DownloadReasonText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatBytesText } from './format';
import { useLibraryAction } from './use-docs';

type Props = { library: LibraryView; progress: EventPayload<'docs.onProgress'> | undefined };

/** One library: what it is, its state in words, a progress bar while it downloads or imports, and its actions. */
export function LibraryRow({ library, progress }: Props) {
  const { t, i18n } = useTranslation();
  const install = useLibraryAction('install');
  const pause = useLibraryAction('pause');
  const resume = useLibraryAction('resume');
  const cancel = useLibraryAction('cancel');
  const remove = useLibraryAction('remove');
  const failed = [install, pause, resume, cancel, remove].find((m) => m.isError);
  const size = (bytes: number) => formatBytesText(bytes, i18n.language);
  const busy = library.state === 'downloading' || library.state === 'importing';
  const live = progress && progress.phase === (library.state === 'importing' ? 'importing' : 'downloading') ? progress : undefined;
  const done = live?.done ?? library.download?.receivedBytes ?? 0;
  const total = live?.total ?? library.download?.totalBytes ?? library.packageSize;
  const titleId = `docs-library-${library.id}`;
  // Removing may throw away gigabytes an air-gapped machine cannot download again: ask first.
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  return (
    <li className="docs-library" aria-labelledby={titleId}>
      <div className="docs-library__info">
        <h2 id={titleId} className="docs-library__title">{library.title}</h2>
        <p className="docs-library__meta">
          {t('docs.libraries.meta', { version: library.version, count: library.topicCount, size: size(library.packageSize) })}
          {library.diskBytes > 0 && ` · ${t('docs.libraries.disk', { size: size(library.diskBytes) })}`}
        </p>
        <p className="docs-library__state">{t(`docs.libraries.state.${library.state}`)}</p>
        {(busy || library.state === 'paused') && (
          <progress
            className="docs-progress"
            max={Math.max(total, 1)}
            // Importing before the first count arrives: a moving stripe, not the finished download's full bar.
            value={library.state === 'importing' && !live ? undefined : Math.min(done, total)}
            aria-label={t('docs.libraries.progressLabel', { title: library.title })}
          />
        )}
        {library.problem && (
          <p className="field__error">
            <DownloadReasonText reason={library.problemReason} message={library.problem} />
          </p>
        )}
      </div>
      <div className="docs-library__actions">
        {(library.state === 'available' || library.state === 'failed') && (
          <button type="button" aria-describedby={titleId} className="button button--primary" onClick={() => install.mutate(library.id)} disabled={install.isPending}>
            {t('docs.libraries.download', { size: size(library.packageSize) })}
          </button>
        )}
        {library.state === 'update-available' && (
          <button type="button" aria-describedby={titleId} className="button button--primary" onClick={() => install.mutate(library.id)}>
            {t('docs.libraries.update')}
          </button>
        )}
        {library.state === 'downloading' && (
          <button type="button" aria-describedby={titleId} className="button" onClick={() => pause.mutate(library.id)}>
            {t('docs.libraries.pause')}
          </button>
        )}
        {library.state === 'paused' && (
          <button type="button" aria-describedby={titleId} className="button" onClick={() => resume.mutate(library.id)}>
            {t('docs.libraries.resume')}
          </button>
        )}
        {(library.state === 'downloading' || library.state === 'paused') && (
          <button type="button" aria-describedby={titleId} className="button" onClick={() => cancel.mutate(library.id)}>
            {t('docs.libraries.cancel')}
          </button>
        )}
        {(library.state === 'installed' || library.state === 'update-available') && !confirming && (
          <button type="button" aria-describedby={titleId} className="button" aria-label={t('docs.libraries.removeLabel', { title: library.title })} onClick={() => setConfirming(true)}>
            {t('docs.libraries.remove')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="docs-library__confirm" role="group" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`}>
            {t(library.source === 'catalogue' ? 'docs.libraries.removeQuestion' : 'docs.libraries.removeQuestionLocal', { title: library.title, size: size(library.diskBytes) })}
          </p>
          <div className="form__actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(library.id, { onSettled: () => setConfirming(false) })}
            >
              {t('docs.libraries.removeConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('docs.libraries.removeKeep')}
            </button>
          </div>
        </div>
      )}
      {failed && <ErrorAlert error={failed.error} />}
    </li>
  );
}
