import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedAttachment } from '../../../shared/contract/tickets-contract';
import type { AppErrorShape } from '../../../shared/errors';
import { BridgeError } from '../../app/bridge';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { AttachmentField } from './AttachmentField';
import { ticketsApi } from './tickets.api';
import { ticketKeys, useReplyDraft } from './use-tickets';

/**
 * A reply and its files are one submission: "Send reply" queues both as one outbox item, sent once,
 * now or when the network returns. Files alone may be sent too.
 */
export function ReplyForm({ ticketId }: { ticketId: string }) {
  const returned = useReplyDraft(ticketId);
  if (returned.isPending) return null;
  // A reply the service refused comes back into the box, with its files and its reason.
  return (
    <ReplyBox
      key={returned.data?.id ?? 'new'}
      ticketId={ticketId}
      initial={returned.data?.body ?? ''}
      initialFiles={returned.data?.attachments ?? []}
      refusal={returned.data?.error ?? null}
    />
  );
}

type BoxProps = { ticketId: string; initial: string; initialFiles: StagedAttachment[]; refusal: AppErrorShape | null };

function ReplyBox({ ticketId, initial, initialFiles, refusal }: BoxProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(initial);
  const [files, setFiles] = useState(initialFiles);
  const [empty, setEmpty] = useState(false);
  const send = useMutation({
    mutationFn: () => ticketsApi.reply(ticketId, body, files.map((f) => f.id)),
    onSuccess: () => {
      setBody('');
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.outbox });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.replyDraft(ticketId) });
    },
  });

  return (
    <form
      className="form reply"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const nothing = !body.trim() && !files.length;
        setEmpty(nothing);
        if (!nothing) send.mutate();
      }}
    >
      {refusal && <ErrorAlert error={new BridgeError(refusal)} title={t('tickets.reply.refused')} />}
      {send.isError && <ErrorAlert error={send.error} title={t('tickets.reply.failed')} />}
      <Field id={`reply-${ticketId}`} label={t('tickets.reply.label')} hint={t('tickets.reply.hint')} error={empty ? t('tickets.errors.body') : undefined}>
        {(control) => <textarea className="input" rows={4} maxLength={10_000} value={body} onChange={(e) => setBody(e.target.value)} {...control} />}
      </Field>
      <AttachmentField
        id={`reply-${ticketId}`}
        attachments={files}
        onAdd={(added) => setFiles((current) => [...current, ...added])}
        onRemove={(id) => {
          void ticketsApi.discardAttachment(id);
          setFiles((current) => current.filter((f) => f.id !== id));
        }}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {t('tickets.reply.send')}
        </button>
      </div>
    </form>
  );
}
