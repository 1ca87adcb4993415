import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedAttachment } from '../../../shared/contract/tickets-contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DiagnosticsDialog } from './DiagnosticsDialog';
import { fileToBase64, formatBytes } from './ticket-format';
import { ticketsApi } from './tickets.api';
import { useCapabilities } from './use-tickets';

type Props = { id: string; attachments: StagedAttachment[]; onAdd: (added: StagedAttachment[]) => void; onRemove: (id: string) => void };

/**
 * Files for a request. In the app the OS dialog picks them and main reads them (the renderer never
 * names a path); in the browser preview a file field sends the bytes, up to a small limit.
 * Uploading happens later, from the outbox, with its own progress.
 */
export function AttachmentField({ id, attachments, onAdd, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const caps = useCapabilities();
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: async (files: File[] | null) => {
      if (!files) return ticketsApi.pickAttachments();
      const limit = caps.data?.maxInlineBytes ?? 0;
      setTooLarge(files.filter((f) => f.size > limit).map((f) => f.name));
      const staged: StagedAttachment[] = [];
      for (const file of files.filter((f) => f.size <= limit)) staged.push(await ticketsApi.stageBytes(file.name, await fileToBase64(file)));
      return staged;
    },
    onSuccess: onAdd,
  });

  return (
    <fieldset className="fieldset">
      <legend>{t('tickets.attachments.title')}</legend>
      {attachments.length > 0 && (
        <ul className="attachments">
          {attachments.map((a) => (
            <li key={a.id}>
              <span>
                {a.name} ({formatBytes(a.size, i18n.language)})
              </span>
              <button type="button" className="button button--small" onClick={() => onRemove(a.id)} aria-label={t('tickets.attachments.removeNamed', { name: a.name })}>
                {t('tickets.attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {caps.data?.nativePicker ? (
        <button type="button" className="button" onClick={() => add.mutate(null)} disabled={add.isPending}>
          {t('tickets.attachments.add')}
        </button>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('tickets.attachments.add')}</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            className="input"
            aria-describedby={`${id}-files-hint`}
            onChange={(e) => {
              add.mutate([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
          <p id={`${id}-files-hint`} className="field__hint">
            {t('tickets.attachments.previewLimit', { size: formatBytes(caps.data?.maxInlineBytes ?? 0, i18n.language) })}
          </p>
        </div>
      )}
      {add.isPending && (
        <label className="outbox__progress">
          {t('tickets.attachments.adding')}
          <progress />
        </label>
      )}
      {tooLarge.length > 0 && (
        <p className="field__error" role="alert">
          {t('tickets.attachments.tooLarge', { names: tooLarge.join(', ') })}
        </p>
      )}
      {add.isError && <ErrorAlert error={add.error} title={t('tickets.attachments.failed')} />}
      <DiagnosticsDialog onAttach={(a) => onAdd([a])} />
    </fieldset>
  );
}
