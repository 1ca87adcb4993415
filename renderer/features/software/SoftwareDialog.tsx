import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import '../../ui/dialog.css';

type Props = { title: string; descriptionId: string; onClose: () => void; children: ReactNode };

/** The feature's dialogs: Radix keeps focus inside, restores it on close and closes on Escape. */
export function SoftwareDialog({ title, descriptionId, onClose, children }: Props) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog software-dialog" aria-describedby={descriptionId}>
          <Dialog.Title className="dialog__title">{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
