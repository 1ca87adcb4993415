import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AccessApplicationInputSchema, type AccessApplicationInput } from '../../../shared/api/software';
import { isBridgeError } from '../../app/bridge';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { SoftwareDialog } from './SoftwareDialog';
import { softwareApi } from './software.api';
import { useProfileForContact, useSoftwareMutation } from './use-software';

type Props = { productId: string; productName: string; onClose: () => void };

/** P1.4: applying for restricted software takes a reason and a phone number (prefilled from the profile). */
export function ApplicationDialog({ productId, productName, onClose }: Props) {
  const { t } = useTranslation();
  const profile = useProfileForContact(true);
  const apply = useSoftwareMutation((input: AccessApplicationInput) => softwareApi.apply(input));
  const { register, handleSubmit, formState: { errors } } = useForm<AccessApplicationInput>({
    resolver: zodResolver(AccessApplicationInputSchema),
    values: { productId, reason: '', phone: profile.data?.phone ?? '' },
    resetOptions: { keepDirtyValues: true },
  });
  const serverFields = isBridgeError(apply.error) ? (apply.error.fields ?? {}) : {};
  const message = (field: 'reason' | 'phone') => (errors[field] ? t(`software.apply.errors.${field}`) : serverFields[field]);

  return (
    <SoftwareDialog title={t('software.apply.title', { product: productName })} descriptionId="software-apply-intro" onClose={onClose}>
      <p id="software-apply-intro">{t('software.apply.intro')}</p>
      <form className="form" noValidate onSubmit={handleSubmit((input) => apply.mutate(input, { onSuccess: onClose }))}>
        <Field id="software-apply-reason" label={t('software.apply.reason')} hint={t('software.apply.reasonHint')} error={message('reason')}>
          {(control) => <textarea className="input" rows={4} maxLength={2000} {...control} {...register('reason')} />}
        </Field>
        <Field id="software-apply-phone" label={t('software.apply.phone')} error={message('phone')}>
          {(control) => <input className="input" type="tel" autoComplete="tel" {...control} {...register('phone')} />}
        </Field>
        {apply.isError && <ErrorAlert error={apply.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={apply.isPending}>
            {t('software.apply.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('software.cancel')}
          </button>
        </div>
      </form>
    </SoftwareDialog>
  );
}
