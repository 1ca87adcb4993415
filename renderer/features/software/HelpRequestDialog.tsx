import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { HelpRequestInputSchema } from '../../../shared/api/software';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { SoftwareDialog } from './SoftwareDialog';
import { softwareApi } from './software.api';
import { useProfileForContact, useSoftwareMutation } from './use-software';

type Input = z.input<typeof HelpRequestInputSchema>;
type Output = z.output<typeof HelpRequestInputSchema>;
type Props = { productId: string; file: { id: string; name: string }; problem?: 'refused' | 'failed'; onClose: () => void };
const CONTACT = ['email', 'phone', 'address'] as const;

/** P1.2 "help me get this": the contact details an engineer needs to reach the user, prefilled from the profile. */
export function HelpRequestDialog({ productId, file, problem = 'refused', onClose }: Props) {
  const { t } = useTranslation();
  const profile = useProfileForContact(true);
  const [sent, setSent] = useState(false);
  const send = useSoftwareMutation((input: Output) => softwareApi.requestHelp(input));
  const { register, handleSubmit, formState: { errors } } = useForm<Input, unknown, Output>({
    resolver: zodResolver(HelpRequestInputSchema),
    values: { productId, fileId: file.id, problem, message: '', email: profile.data?.email ?? '', phone: profile.data?.phone ?? '', address: profile.data?.contactAddress ?? '' },
    resetOptions: { keepDirtyValues: true },
  });

  return (
    <SoftwareDialog title={t('software.help.title', { name: file.name })} descriptionId="software-help-intro" onClose={onClose}>
      <p id="software-help-intro">{t('software.help.intro')}</p>
      {sent ? (
        <>
          <p role="status">{t('software.help.sent')}</p>
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('software.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" noValidate onSubmit={handleSubmit((input) => send.mutate(input, { onSuccess: () => setSent(true) }))}>
          {CONTACT.map((name) => (
            <Field key={name} id={`software-help-${name}`} label={t(`software.help.${name}`)} error={errors[name] && t(`software.help.errors.${name}`)}>
              {(control) => <input className="input" type={name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'} {...control} {...register(name)} />}
            </Field>
          ))}
          <Field id="software-help-message" label={t('software.help.message')} error={errors.message && t('software.help.errors.message')}>
            {(control) => <textarea className="input" rows={3} maxLength={2000} {...control} {...register('message')} />}
          </Field>
          {send.isError && <ErrorAlert error={send.error} />}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={send.isPending}>
              {t('software.help.submit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('software.cancel')}
            </button>
          </div>
        </form>
      )}
    </SoftwareDialog>
  );
}
