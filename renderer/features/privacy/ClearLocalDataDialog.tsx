import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useClearLocalData } from './use-privacy';
import '../palette/palette.css';

/** "Clear local data" (P3.2), only after an explicit confirmation. Afterwards the app is signed out. */
export function ClearLocalDataDialog() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const clear = useClearLocalData();
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="button privacy__danger">
          {t('privacy.device.clear')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="modal__overlay" />
        <Dialog.Content className="modal" aria-describedby="clear-local-data-body">
          <Dialog.Title>{t('privacy.device.clearTitle')}</Dialog.Title>
          <p id="clear-local-data-body">{t('privacy.device.clearBody')}</p>
          {clear.isError && <ErrorAlert error={clear.error} title={t('privacy.device.clearFailed')} />}
          {clear.isPending && (
            <p role="status">
              <progress aria-label={t('privacy.device.clearing')} /> {t('privacy.device.clearing')}
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button privacy__danger" disabled={clear.isPending} onClick={() => clear.mutate()}>
              {t('privacy.device.clearConfirm')}
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button" disabled={clear.isPending}>
                {t('privacy.device.cancel')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
