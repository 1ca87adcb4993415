import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedAttachment } from '../../../shared/contract/tickets-contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import '../../ui/dialog.css';
import { ticketsApi } from './tickets.api';

/**
 * The optional diagnostics bundle (app version, OS, settings without secrets, recent log lines).
 * The user reads exactly what would be sent and decides; cancelling deletes it.
 */
export function DiagnosticsDialog({ onAttach }: { onAttach: (attachment: StagedAttachment) => void }) {
  const { t } = useTranslation();
  const [bundle, setBundle] = useState<{ attachment: StagedAttachment; text: string } | null>(null);
  const prepare = useMutation({ mutationFn: ticketsApi.diagnostics, onSuccess: setBundle });
  const cancel = () => {
    if (bundle) void ticketsApi.discardAttachment(bundle.attachment.id);
    setBundle(null);
  };

  return (
    <>
      <button type="button" className="button" onClick={() => prepare.mutate()} disabled={prepare.isPending}>
        {t('tickets.diagnostics.add')}
      </button>
      {prepare.isError && <ErrorAlert error={prepare.error} />}
      <Dialog.Root open={bundle !== null} onOpenChange={(open) => !open && cancel()}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog__overlay" />
          <Dialog.Content className="dialog dialog--wide">
            <Dialog.Title className="dialog__title">{t('tickets.diagnostics.title')}</Dialog.Title>
            <Dialog.Description>{t('tickets.diagnostics.body')}</Dialog.Description>
            <pre className="diagnostics" tabIndex={0} aria-label={t('tickets.diagnostics.content')}>
              {bundle?.text}
            </pre>
            <div className="form__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  if (bundle) onAttach(bundle.attachment);
                  setBundle(null);
                }}
              >
                {t('tickets.diagnostics.attach')}
              </button>
              <Dialog.Close asChild>
                <button type="button" className="button">
                  {t('tickets.diagnostics.cancel')}
                </button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
