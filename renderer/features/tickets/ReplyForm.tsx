import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import { BridgeError } from '../../app/bridge';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { ticketsApi } from './tickets.api';
import { ticketKeys, useReplyDraft } from './use-tickets';

/** A reply goes through the outbox like a new request: sent once, now or when the network returns. */
export function ReplyForm({ ticketId }: { ticketId: string }) {
  const returned = useReplyDraft(ticketId);
  if (returned.isPending) return null;
  // A reply the service refused comes back into the box, with its reason.
  return <ReplyBox key={returned.data?.id ?? 'new'} ticketId={ticketId} initial={returned.data?.body ?? ''} refusal={returned.data?.error ?? null} />;
}

function ReplyBox({ ticketId, initial, refusal }: { ticketId: string; initial: string; refusal: AppErrorShape | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const send = useMutation({
    mutationFn: () => ticketsApi.reply(ticketId, body),
    onSuccess: () => {
      setBody('');
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
        setEmpty(!body.trim());
        if (body.trim()) send.mutate();
      }}
    >
      {refusal && <ErrorAlert error={new BridgeError(refusal)} title={t('tickets.reply.refused')} />}
      {send.isError && <ErrorAlert error={send.error} title={t('tickets.reply.failed')} />}
      <Field id={`reply-${ticketId}`} label={t('tickets.reply.label')} error={empty ? t('tickets.errors.body') : undefined}>
        {(control) => <textarea className="input" rows={4} maxLength={10_000} value={body} onChange={(e) => setBody(e.target.value)} {...control} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {t('tickets.reply.send')}
        </button>
      </div>
    </form>
  );
}
