import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldError, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CATEGORIES, contactFromProfile, SEVERITIES, SLA_RESPONSE_HOURS, type Contact } from '../../../shared/api/tickets';
import type { Draft, StagedAttachment } from '../../../shared/contract/tickets-contract';
import { BridgeError, isBridgeError } from '../../app/bridge';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useProfile } from '../profile/use-profile';
import { Field } from '../../ui/Field';
import { AttachmentField } from './AttachmentField';
import { ContactFields } from './ContactFields';
import { FormSchema, MAX_LENGTH, toDraftValues, toFormValues, type FormValues } from './ticket-form-model';
import { ticketsApi } from './tickets.api';
import { TopicSuggestions } from './TopicSuggestions';
import { ticketKeys, useDevices } from './use-tickets';

const AUTOSAVE_MS = 400;

/** Reads a nested error ("contact.email") out of react-hook-form's error tree. */
const errorAt = (errors: FieldErrors<FormValues>, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as FieldError | undefined;

/**
 * A new request. Every change is saved to the draft (so a crash loses nothing); sending checks it
 * with the service's own rules, then hands it to the outbox, which delivers it once, now or later.
 */
export function TicketForm({ draft }: { draft: Draft }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const devices = useDevices();
  const [attachments, setAttachments] = useState<StagedAttachment[]>(draft.attachments);
  const [savedAt, setSavedAt] = useState(draft.stored ? draft.updatedAt : null);
  const { register, control, handleSubmit, subscribe, getValues, setValue, setError, setFocus, formState: { errors } } = useForm<FormValues>({
    resolver: zodResolver(FormSchema) as never,
    defaultValues: toFormValues(draft.values),
  });
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const title = useWatch({ control, name: 'title' });

  const save = useMutation({
    mutationFn: () => ticketsApi.saveDraft(draft.id, toDraftValues(getValues())),
    onSuccess: (saved) => setSavedAt(saved.updatedAt),
  });
  // Nothing is saved until something changes: a form opened and left alone leaves no draft behind.
  const changed = useRef(false);
  const filling = useRef(false);
  const flushSave = async () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    if (changed.current) await save.mutateAsync();
  };
  const { mutate: saveNow } = save;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: () => {
          // Details filled in from the profile alone do not make a draft; with anything typed they are saved too.
          if (!filling.current) changed.current = true;
          if (!changed.current) return;
          if (pending.current) clearTimeout(pending.current);
          pending.current = setTimeout(() => saveNow(), AUTOSAVE_MS);
        },
      }),
    [subscribe, saveNow],
  );
  useEffect(() => setFocus('title'), [setFocus]);
  // Started before the profile could be read (offline): its contact details fill the fields still
  // empty once it arrives, also after reconnecting. What the user typed is never replaced.
  const profile = useProfile();
  useEffect(() => {
    if (!profile.data) return;
    filling.current = true;
    for (const [name, value] of Object.entries(contactFromProfile(profile.data))) {
      const path = `contact.${name as keyof Contact}` as const;
      if (value && !getValues(path)) setValue(path, value, { shouldDirty: true });
    }
    filling.current = false;
  }, [profile.data, getValues, setValue]);

  const submit = useMutation({
    mutationFn: async () => {
      await flushSave();
      return ticketsApi.submitDraft(draft.id);
    },
    onSuccess: (item) => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.outbox });
      void navigate('/tickets', { state: { queued: item.label } });
    },
    onError: (error) => {
      Object.entries(isBridgeError(error) ? (error.fields ?? {}) : {}).forEach(([name, message], i) =>
        setError(name as keyof FormValues, { type: 'server', message }, { shouldFocus: i === 0 }),
      );
    },
  });

  const setFiles = (next: StagedAttachment[]) => {
    setAttachments(next);
    setValue('attachmentIds', next.map((a) => a.id), { shouldDirty: true });
  };
  const message = (path: string) => {
    const error = errorAt(errors, path);
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    if (error.type === 'too_big') return t('tickets.errors.tooLong', { max: MAX_LENGTH[path] });
    return t([`tickets.errors.${path}`, 'tickets.errors.invalid']);
  };
  const text = (name: 'title' | 'product' | 'version' | 'deviceSerial' | 'originRef', options: { list?: string; hint?: string } = {}) => (
    <Field id={`ticket-${name}`} label={t(`tickets.fields.${name}`)} hint={options.hint} error={message(name)}>
      {(control) => <input className="input" type="text" list={options.list} maxLength={MAX_LENGTH[name]} {...control} {...register(name)} />}
    </Field>
  );

  return (
    <form className="form form--wide" noValidate onSubmit={handleSubmit(() => submit.mutate())}>
      {draft.error && <ErrorAlert error={new BridgeError(draft.error)} title={t('tickets.form.refused')} />}
      {submit.isError && !(isBridgeError(submit.error) && submit.error.fields) && <ErrorAlert error={submit.error} title={t('tickets.form.sendFailed')} />}
      {text('title', { hint: t('tickets.form.titleHint') })}
      <TopicSuggestions title={title} />
      <Field id="ticket-description" label={t('tickets.fields.description')} error={message('description')}>
        {(control) => <textarea className="input" rows={6} maxLength={MAX_LENGTH.description} {...control} {...register('description')} />}
      </Field>
      <div className="field__row">
        <Field id="ticket-severity" label={t('tickets.fields.severity')} error={message('severity')}>
          {(control) => (
            <select className="input" {...control} {...register('severity')}>
              <option value="">{t('tickets.form.choose')}</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t('tickets.form.severityOption', { severity: t(`tickets.severity.${s}`), count: SLA_RESPONSE_HOURS[s] })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ticket-category" label={t('tickets.fields.category')} error={message('category')}>
          {(control) => (
            <select className="input" {...control} {...register('category')}>
              <option value="">{t('tickets.form.choose')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`tickets.category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field__row">
        {text('product', { list: 'ticket-products' })}
        {text('version')}
        {text('deviceSerial', { list: 'ticket-devices', hint: t('tickets.form.deviceHint') })}
      </div>
      <datalist id="ticket-products">
        {[...new Set((devices.data ?? []).map((d) => d.product))].map((p) => <option key={p} value={p} />)}
      </datalist>
      <datalist id="ticket-devices">
        {(devices.data ?? []).map((d) => <option key={d.id} value={d.serial}>{`${d.model} · ${d.site}`}</option>)}
      </datalist>
      {text('originRef', { hint: t('tickets.form.originHint') })}
      <ContactFields register={register} message={message} country={draft.values.contact.country} />
      <AttachmentField id="ticket-new" attachments={attachments} onAdd={(added) => setFiles([...attachments, ...added])} onRemove={(id) => {
        void ticketsApi.discardAttachment(id);
        setFiles(attachments.filter((a) => a.id !== id));
      }} />
      <p className="field__hint">
        {save.isError ? t('tickets.form.saveFailed') : savedAt ? t('tickets.form.savedAt', { time: formatDateTime(savedAt, i18n.language) }) : t('tickets.form.notSavedYet')}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submit.isPending}>
          {t('tickets.form.send')}
        </button>
        <button type="button" className="button" onClick={() => void flushSave().then(() => navigate('/tickets'))}>
          {t('tickets.form.later')}
        </button>
      </div>
    </form>
  );
}
