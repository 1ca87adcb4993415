import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DownloadProgressView, DownloadView } from '../../../shared/contract/software-contract';
import { DownloadReasonText } from '../../ui/DownloadReasonText';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatBytes, formatDuration } from './format';
import { HelpRequestDialog } from './HelpRequestDialog';
import { useDownloadAction } from './use-software';

type Props = { download: DownloadView; progress: DownloadProgressView | undefined };

/** One download: a progress bar with bytes, speed and time left, then PASS or FAIL in plain words. */
export function DownloadRow({ download, progress }: Props) {
  const { t, i18n } = useTranslation();
  const pause = useDownloadAction('pause');
  const resume = useDownloadAction('resume');
  const cancel = useDownloadAction('cancel');
  const remove = useDownloadAction('remove');
  const show = useDownloadAction('showInFolder');
  const [help, setHelp] = useState(false);
  const failedAction = [pause, resume, cancel, remove, show].find((m) => m.isError);
  const size = (bytes: number) => formatBytes(bytes, i18n.language);
  const active = download.state === 'downloading' || download.state === 'queued';
  const received = active && progress ? progress.receivedBytes : download.receivedBytes;
  const nameId = `software-download-${download.id}`;
  const verdict = download.state === 'passed' ? 'pass' : download.state === 'failed' ? 'fail' : null;

  return (
    <li className="software-download" aria-labelledby={nameId}>
      <div className="software-download__info">
        <span id={nameId} className="software-file__name">
          {download.fileName}
        </span>
        <span className="software-file__meta">
          {download.productName} {download.version} · {t(`software.downloads.state.${download.state}`)}
        </span>
        {verdict && (
          <p className={`software-verdict software-verdict--${verdict}`} data-testid="verdict">
            <strong>{t(`software.downloads.verdict.${verdict}`)}</strong> <DownloadReasonText reason={download.reason} message={download.message} />
          </p>
        )}
        {download.state === 'error' && <p className="field__error">{download.message}</p>}
        {/* The bar stays after the verdict, full on PASS, where it stopped on FAIL: a fast download still shows one. */}
        {(active || ['paused', 'verifying', 'passed', 'failed'].includes(download.state)) && (
          <>
            <progress
              className="software-progress"
              max={Math.max(download.totalBytes, 1)}
              value={Math.min(received, download.totalBytes)}
              aria-label={t('software.downloads.progressLabel', { name: download.fileName })}
            />
            <span className="software-file__meta" aria-live="off">
              {t('software.downloads.bytes', { received: size(received), total: size(download.totalBytes) })}
              {progress && download.state === 'downloading' && progress.bytesPerSecond > 0 && (
                <>
                  {' · '}
                  {t('software.downloads.speed', { speed: size(progress.bytesPerSecond) })}
                  {progress.etaSeconds !== null && ` · ${t('software.downloads.eta', { time: formatDuration(progress.etaSeconds, i18n.language) })}`}
                </>
              )}
            </span>
          </>
        )}
      </div>
      <div className="software-file__actions">
        {download.state === 'downloading' && <Action label="pause" name={download.fileName} onClick={() => pause.mutate(download.id)} />}
        {(download.state === 'paused' || download.state === 'error') && <Action label="resume" name={download.fileName} onClick={() => resume.mutate(download.id)} />}
        {(download.state === 'failed' || download.state === 'cancelled') && <Action label="retry" name={download.fileName} onClick={() => resume.mutate(download.id)} />}
        {(active || download.state === 'paused' || download.state === 'error') && <Action label="cancel" name={download.fileName} onClick={() => cancel.mutate(download.id)} />}
        {download.state === 'passed' && <Action label="showInFolder" name={download.fileName} onClick={() => show.mutate(download.id)} />}
        {(download.state === 'failed' || download.state === 'error') && <Action label="help" name={download.fileName} onClick={() => setHelp(true)} />}
        {!active && download.state !== 'verifying' && <Action label="remove" name={download.fileName} onClick={() => remove.mutate(download.id)} />}
      </div>
      {failedAction && <ErrorAlert error={failedAction.error} />}
      {help && <HelpRequestDialog productId={download.productId} file={{ id: download.fileId, name: download.fileName }} problem="failed" onClose={() => setHelp(false)} />}
    </li>
  );
}

function Action({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--small" onClick={onClick} aria-label={t(`software.downloads.actionLabel.${label}`, { name })}>
      {t(`software.downloads.action.${label}`)}
    </button>
  );
}
