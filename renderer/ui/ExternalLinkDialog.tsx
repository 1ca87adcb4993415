import * as Dialog from '@radix-ui/react-dialog';
import { useTranslation } from 'react-i18next';
import './dialog.css';

type Props = {
  /** The link the user tried to follow; null closes the dialog. */
  url: string | null;
  onConfirm: (url: string) => void;
  onCancel: () => void;
};

/**
 * The third-party warning (P7.1): content and links from third parties are not under the vendor's
 * control, so the user confirms before a link leaves the app, seeing where it goes. Radix provides
 * the focus trap, Escape and screen-reader labelling.
 */
export function ExternalLinkDialog({ url, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  let host = '';
  try {
    host = url ? new URL(url).host || url : '';
  } catch {
    host = url ?? '';
  }
  return (
    <Dialog.Root open={url !== null} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">{t('externalLink.title')}</Dialog.Title>
          <Dialog.Description>{t('externalLink.body', { host })}</Dialog.Description>
          <p className="dialog__url">{url}</p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => url && onConfirm(url)}>
              {t('externalLink.open')}
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('externalLink.cancel')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
