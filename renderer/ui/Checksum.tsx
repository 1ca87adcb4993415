import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './checksum.css';

/** A SHA-256 in full, monospaced, at least half of it per line: two lines at most, compared by eye. */
export function Checksum({ value }: { value: string }) {
  return <code className="checksum">{value}</code>;
}

/**
 * A SHA-256 where there is no room for all of it (a list of attachments): its first and last eight
 * digits, the two ends people compare, monospaced, with the full value a click away on the clipboard.
 */
export function ShortChecksum({ value, of }: { value: string; of: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <span className="checksum-short">
      <span className="checksum-short__label">SHA-256</span>{' '}
      <code className="checksum-short__value" title={value}>
        {value.slice(0, 8)}…{value.slice(-8)}
      </code>{' '}
      {/* The name says whose checksum (several attachments, several buttons) and starts with the visible word (WCAG 2.5.3). */}
      <button type="button" className="button button--small" onClick={() => void copy()} aria-label={t(copied ? 'checksum.copiedLabel' : 'checksum.copyLabel', { name: of })}>
        {copied ? t('checksum.copied') : t('checksum.copy')}
      </button>
    </span>
  );
}
