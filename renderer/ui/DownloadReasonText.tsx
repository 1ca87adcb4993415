import { Trans, useTranslation } from 'react-i18next';
import { DOWNLOAD_REASON_CODES, type DownloadReason } from '../../shared/contract/download-reason';
import { formatBytes, formatNumber } from '../i18n/format';
import './checksum.css';

type Props = { reason: DownloadReason | null; message: string | null };

/**
 * A download verdict (PASS or FAIL) in the UI language, from its code and figures. A job without a
 * code, or with one this build does not know (rows from before the codes), shows main's English message.
 */
export function DownloadReasonText({ reason, message }: Props) {
  const { t, i18n } = useTranslation();
  if (!reason || !DOWNLOAD_REASON_CODES.has(reason.code)) return <>{message}</>;
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const exact = (n: number) => formatNumber(n, i18n.language);
  const values: Record<string, string> = {};
  if (reason.code === 'size-mismatch') Object.assign(values, { actual: bytes(reason.actual), expected: bytes(reason.expected), actualBytes: exact(reason.actual), expectedBytes: exact(reason.expected) });
  if (reason.code === 'oversize') Object.assign(values, { expected: bytes(reason.expected), expectedBytes: exact(reason.expected) });
  if (reason.code === 'sha256-mismatch' || reason.code === 'catalogue-mismatch') Object.assign(values, { expected: reason.expected, actual: reason.actual });
  if (reason.code === 'check-failed') values.error = reason.error;
  if (reason.code === 'no-verifier') values.kind = reason.kind;
  if (reason.code === 'checksum-match' || reason.code === 'signed-manifest-match') values.sha256 = reason.sha256;
  if (reason.code === 'signed-manifest-match') values.version = reason.version;
  // Only checksums (hex, checked by the schema) go through Trans' markup; error text and kinds stay plain text.
  const withChecksums = 'sha256' in reason || reason.code === 'sha256-mismatch' || reason.code === 'catalogue-mismatch';
  return (
    <span data-reason={reason.code}>
      {withChecksums ? (
        <Trans i18nKey={`downloadReason.${reason.code}`} values={values} components={{ code: <code className="checksum" /> }} />
      ) : (
        t(`downloadReason.${reason.code}`, values)
      )}
    </span>
  );
}
