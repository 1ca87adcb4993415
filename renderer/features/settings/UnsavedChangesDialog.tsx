import * as Dialog from '@radix-ui/react-dialog';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import '../../ui/dialog.css';

type Props = { dirty: boolean; onSave: () => Promise<boolean> };

/**
 * Holds any navigation away from Settings (link, command palette, OS menu) while changes are unsaved
 * and asks: save, discard or stay. Closing the window asks too (beforeunload).
 */
export function UnsavedChangesDialog({ dirty, onSave }: Props) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocked = blocker.state === 'blocked';
  return (
    <Dialog.Root open={blocked} onOpenChange={(open) => !open && blocked && blocker.reset()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">{t('settings.unsaved.title')}</Dialog.Title>
          <Dialog.Description>{t('settings.unsaved.body')}</Dialog.Description>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void onSave().then((saved) => (saved && blocked ? blocker.proceed() : blocked && blocker.reset()))}
            >
              {t('settings.unsaved.save')}
            </button>
            <button type="button" className="button" onClick={() => blocked && blocker.proceed()}>
              {t('settings.unsaved.discard')}
            </button>
            <Dialog.Close asChild>
              <button type="button" className="button">
                {t('settings.unsaved.stay')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
