import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AccessApplicationInputSchema, REASON_LENGTH, type AccessApplicationInput } from '../../../shared/api/software';
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
  // The rules are stated up front and checked as soon as a field is left, then as it is corrected.
  const { register, handleSubmit, control, formState: { errors } } = useForm<AccessApplicationInput>({
    resolver: zodResolver(AccessApplicationInputSchema),
    mode: 'onTouched',
    values: { productId, reason: '', phone: profile.data?.phone ?? '' },
    resetOptions: { keepDirtyValues: true },
  });
  const reasonLength = useWatch({ control, name: 'reason' }).trim().length;
  const serverFields = isBridgeError(apply.error) ? (apply.error.fields ?? {}) : {};
  const message = (field: 'reason' | 'phone') => {
    // Started but too short: say how much is missing; empty: ask for it.
    if (field === 'reason' && errors.reason?.type === 'too_small' && reasonLength > 0) return t('software.apply.errors.reasonShort', { min: REASON_LENGTH.min, count: REASON_LENGTH.min - reasonLength });
    return errors[field] ? t(`software.apply.errors.${field}`, { max: REASON_LENGTH.max }) : serverFields[field];
  };

  return (
    <SoftwareDialog title={t('software.apply.title', { product: productName })} descriptionId="software-apply-intro" onClose={onClose}>
      <p id="software-apply-intro">{t('software.apply.intro')}</p>
      <form className="form" noValidate onSubmit={handleSubmit((input) => apply.mutate(input, { onSuccess: onClose }))}>
        <Field id="software-apply-reason" label={t('software.apply.reason')} hint={t('software.apply.reasonHint', REASON_LENGTH)} error={message('reason')}>
          {(control) => <textarea className="input" rows={4} maxLength={REASON_LENGTH.max} {...control} {...register('reason')} />}
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
