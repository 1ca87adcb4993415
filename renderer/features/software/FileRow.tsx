import { useTranslation } from 'react-i18next';
import type { SoftwareFile } from '../../../shared/api/software';
import { Checksum } from '../../ui/Checksum';
import { formatBytes } from './format';

type Props = { file: SoftwareFile; rejectionReason: string | null; onDownload: () => void; onApply: () => void; onHelp: () => void };

/** A file with its size, checksum, access level and what the user can do about it right now. */
export function FileRow({ file, rejectionReason, onDownload, onApply, onHelp }: Props) {
  const { t, i18n } = useTranslation();
  const nameId = `software-file-${file.id}`;
  return (
    <li className="software-file" aria-labelledby={nameId}>
      <div className="software-file__info">
        <span id={nameId} className="software-file__name">
          {file.name}
        </span>
        <span className="software-file__meta">
          {formatBytes(file.size, i18n.language)} · {t(`software.access.level.${file.accessLevel}`)}
        </span>
        <span className="software-file__hash" title={t('software.catalogue.sha256')}>
          SHA-256 <Checksum value={file.sha256} />
        </span>
        <span className="software-file__access">{t(`software.access.state.${file.access}`)}</span>
        {file.access === 'rejected' && rejectionReason && <span className="field__error">{rejectionReason}</span>}
      </div>
      <div className="software-file__actions">
        {file.access === 'granted' && (
          <button type="button" className="button button--primary" onClick={onDownload} aria-label={t('software.catalogue.downloadLabel', { name: file.name })}>
            {t('software.catalogue.download')}
          </button>
        )}
        {(file.access === 'apply' || file.access === 'rejected') && (
          <button type="button" className="button" onClick={onApply} aria-label={t(file.access === 'rejected' ? 'software.catalogue.applyAgainLabel' : 'software.catalogue.applyLabel', { name: file.name })}>
            {t(file.access === 'rejected' ? 'software.catalogue.applyAgain' : 'software.catalogue.apply')}
          </button>
        )}
        {file.access !== 'granted' && (
          <button type="button" className="button" onClick={onHelp} aria-label={t('software.help.openLabel', { name: file.name })}>
            {t('software.help.open')}
          </button>
        )}
      </div>
    </li>
  );
}
