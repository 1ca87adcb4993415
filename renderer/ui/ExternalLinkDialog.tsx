import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVendorPage } from '../../shared/external-links';
import { useSettings, useUpdateSettings } from '../features/settings/use-settings';
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
 * the focus trap, Escape and screen-reader labelling. "Don't ask again for this site" is remembered
 * per host in the settings (trustedExternalSites); links to a trusted host open without the dialog.
 * The vendor's own pages (isVendorPage: its https hosts, no credentials or port) are not third-party
 * content and open without it too.
 */
export function ExternalLinkDialog({ url, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  let host = '';
  try {
    host = url ? new URL(url).host || url : '';
  } catch {
    host = url ?? '';
  }
  const settings = useSettings();
  const updateSettings = useUpdateSettings();
  const [remember, setRemember] = useState(false);
  const trustedSites = settings.data?.trustedExternalSites;
  const trusted = url !== null && host !== '' && ((trustedSites?.includes(host.toLowerCase()) ?? false) || isVendorPage(url));
  // A trusted site opens at once, exactly once per click.
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!url) handled.current = null;
    else if (trusted && handled.current !== url) {
      handled.current = url;
      onConfirm(url);
    }
  }, [url, trusted, onConfirm]);

  const confirm = (target: string) => {
    if (remember && host && trustedSites && !trustedSites.includes(host.toLowerCase())) {
      updateSettings.mutate({ trustedExternalSites: [...trustedSites, host.toLowerCase()] });
    }
    setRemember(false);
    onConfirm(target);
  };
  return (
    <Dialog.Root open={url !== null && !trusted} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">{t('externalLink.title')}</Dialog.Title>
          <Dialog.Description>{t('externalLink.body', { host })}</Dialog.Description>
          <p className="dialog__url">{url}</p>
          {host && !url?.startsWith('mailto:') && (
            <p>
              <input id="external-link-remember" type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />{' '}
              <label htmlFor="external-link-remember">{t('privacy.externalLink.remember', { host })}</label>
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => url && confirm(url)}>
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
