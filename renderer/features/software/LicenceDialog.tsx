import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SoftwareDialog } from './SoftwareDialog';
import { softwareApi } from './software.api';
import { useLicence, useSoftwareMutation } from './use-software';

type Props = { productId: string; productName: string; onClose: () => void; onAccepted: () => void };

/** The product's licence agreement, accepted once before its first download (the server records it). */
export function LicenceDialog({ productId, productName, onClose, onAccepted }: Props) {
  const { t } = useTranslation();
  const licence = useLicence(productId);
  const accept = useSoftwareMutation((version: string) => softwareApi.acceptLicence(productId, version));
  return (
    <SoftwareDialog title={t('software.licence.title', { product: productName })} descriptionId="software-licence-text" onClose={onClose}>
      {licence.isPending && <p>{t('app.loading')}</p>}
      {licence.isError && <ErrorAlert error={licence.error} />}
      {licence.data && (
        <>
          <p className="field__hint">{t('software.licence.version', { version: licence.data.version })}</p>
          <pre id="software-licence-text" className="software-licence" tabIndex={0}>
            {licence.data.text}
          </pre>
        </>
      )}
      {accept.isError && <ErrorAlert error={accept.error} />}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!licence.data || accept.isPending}
          onClick={() => accept.mutate(licence.data!.version, { onSuccess: onAccepted })}
        >
          {t('software.licence.accept')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('software.cancel')}
        </button>
      </div>
    </SoftwareDialog>
  );
}
