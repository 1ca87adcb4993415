import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessApplication, Product, SoftwareFile } from '../../../shared/api/software';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ApplicationDialog } from './ApplicationDialog';
import { FileRow } from './FileRow';
import { formatDate } from './format';
import { HelpRequestDialog } from './HelpRequestDialog';
import { LicenceDialog } from './LicenceDialog';
import { useStartDownload } from './use-software';

type Props = { product: Product; applications: AccessApplication[] };

/** One product: its releases and files, with the licence, application and help dialogs they lead to. */
export function ProductSection({ product, applications }: Props) {
  const { t, i18n } = useTranslation();
  const start = useStartDownload();
  const [licenceFor, setLicenceFor] = useState<SoftwareFile | null>(null);
  const [applying, setApplying] = useState(false);
  const [helpFor, setHelpFor] = useState<SoftwareFile | null>(null);
  const rejection = applications.find((a) => a.productId === product.id && a.status === 'rejected');
  const titleId = `software-product-${product.id}`;

  const download = (file: SoftwareFile) => {
    // The licence is accepted once per product, before its first download.
    if (file.accessLevel !== 'public' && !product.licenceAcceptedAt) setLicenceFor(file);
    else start.mutate({ productId: product.id, fileId: file.id });
  };

  return (
    <section className="software-product" aria-labelledby={titleId}>
      <h2 id={titleId}>{product.name}</h2>
      <p className="page__intro">{product.summary}</p>
      {product.releases.map((release) => (
        <div key={release.id} className="software-release">
          <h3>{t('software.catalogue.release', { version: release.version, date: formatDate(release.releaseDate, i18n.language) })}</h3>
          <p className="software-release__notes">{release.notes}</p>
          <ul className="software-files">
            {release.files.map((file) => (
              <FileRow
                key={file.id}
                file={file}
                rejectionReason={rejection?.decisionReason ?? null}
                onDownload={() => download(file)}
                onApply={() => setApplying(true)}
                onHelp={() => setHelpFor(file)}
              />
            ))}
          </ul>
        </div>
      ))}
      {start.isError && <ErrorAlert error={start.error} title={t('software.downloads.startFailed')} />}
      {licenceFor && (
        <LicenceDialog
          productId={product.id}
          productName={product.name}
          onClose={() => setLicenceFor(null)}
          onAccepted={() => {
            start.mutate({ productId: product.id, fileId: licenceFor.id });
            setLicenceFor(null);
          }}
        />
      )}
      {applying && <ApplicationDialog productId={product.id} productName={product.name} onClose={() => setApplying(false)} />}
      {helpFor && <HelpRequestDialog productId={product.id} file={helpFor} onClose={() => setHelpFor(null)} />}
    </section>
  );
}
