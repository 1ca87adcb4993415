import { useTranslation } from 'react-i18next';
import { isBridgeError } from '../app/bridge';
import { DownloadReasonText } from './DownloadReasonText';
import { errorText } from './error-text';

type Props = { error: unknown; title?: string; onRetry?: () => void };

/** An error the user should notice at once: role=alert is announced without moving focus. */
export function ErrorAlert({ error, title, onRetry }: Props) {
  const { t } = useTranslation();
  const { summary, detail } = errorText(t, error);
  return (
    <div className="alert" role="alert">
      {title && <p className="alert__title">{title}</p>}
      <p>{summary}</p>
      {isBridgeError(error) && error.downloadReason ? (
        <p className="alert__detail">
          <DownloadReasonText reason={error.downloadReason} message={error.message} />
        </p>
      ) : (
        detail && <p className="alert__detail">{t('errors.details', { message: detail })}</p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
