import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ProfileFieldsSchema, type Profile } from '../../../shared/api/profile';
import { isBridgeError } from '../../app/bridge';
import { CountrySelect } from '../../ui/CountrySelect';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { isProfileField, profilePatch, type ProfileField } from './profile-patch';
import { useUpdateProfile } from './use-profile';

type FormInput = z.input<typeof ProfileFieldsSchema>;
type FormOutput = z.output<typeof ProfileFieldsSchema>;

// Mirrors the limits in shared/api/profile.ts, for a translated "too long" message.
const MAX_LENGTH: Record<ProfileField, number> = {
  name: 100,
  email: 254,
  phone: 32,
  contactAddress: 500,
  country: 2,
  industry: 100,
  job: 100,
};
const TEXT_FIELDS = [
  { name: 'name', type: 'text', autoComplete: 'name' },
  { name: 'email', type: 'email', autoComplete: 'email' },
  { name: 'phone', type: 'tel', autoComplete: 'tel' },
] as const;
const WORK_FIELDS = [
  { name: 'industry', type: 'text', autoComplete: 'off' },
  { name: 'job', type: 'text', autoComplete: 'organization-title' },
] as const;

type Props = { profile: Profile; onDone: (status: 'saved' | 'noChanges' | undefined) => void };

export function ProfileForm({ profile, onDone }: Props) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(ProfileFieldsSchema), defaultValues: profile });

  useEffect(() => setFocus('name'), [setFocus]);
  // Sorting ~250 localized names is cheap but not free; redo it only when the language changes.

  const onSubmit = async (values: FormOutput) => {
    const patch = profilePatch(profile, values);
    if (Object.keys(patch).length === 0) return onDone('noChanges');
    try {
      await update.mutateAsync(patch);
      onDone('saved');
    } catch (error) {
      const fields = Object.entries(isBridgeError(error) ? (error.fields ?? {}) : {});
      fields
        .filter(([name]) => isProfileField(name))
        .forEach(([name, message], index) =>
          setError(name as ProfileField, { type: 'server', message }, { shouldFocus: index === 0 }),
        );
    }
  };

  // Our own checks are translated; the server's messages are shown as it sent them.
  const message = (field: ProfileField, error: FieldError | undefined) => {
    if (!error) return undefined;
    if (error.type === 'server') return error.message;
    if (error.type === 'too_big') return t('profile.errors.tooLong', { max: MAX_LENGTH[field] });
    return t([`profile.errors.${field}`, 'profile.errors.invalid']);
  };
  const fieldErrorsShown = isBridgeError(update.error) && Object.keys(update.error.fields ?? {}).some(isProfileField);

  const textField = ({ name, type, autoComplete }: (typeof TEXT_FIELDS | typeof WORK_FIELDS)[number]) => (
    <Field
      key={name}
      id={`profile-${name}`}
      label={t(`profile.fields.${name}`)}
      hint={name === 'phone' ? t('profile.hints.phone') : undefined}
      error={message(name, errors[name])}
    >
      {(control) => <input className="input" type={type} autoComplete={autoComplete} {...control} {...register(name)} />}
    </Field>
  );

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onSubmit)}>
      <h2>{t('profile.formTitle')}</h2>
      {update.isError && !fieldErrorsShown && <ErrorAlert error={update.error} title={t('profile.saveFailed')} />}
      {TEXT_FIELDS.map(textField)}
      <Field
        id="profile-contactAddress"
        label={t('profile.fields.contactAddress')}
        error={message('contactAddress', errors.contactAddress)}
      >
        {(control) => <textarea className="input" rows={3} autoComplete="street-address" {...control} {...register('contactAddress')} />}
      </Field>
      <Field id="profile-country" label={t('profile.fields.country')} error={message('country', errors.country)}>
        {(control) => (
          <CountrySelect placeholder={t('profile.chooseCountry')} current={profile.country} {...control} {...register('country')} />
        )}
      </Field>
      <div className="field">
        <p className="field__label">{t('profile.fields.company')}</p>
        <p className="field__static">{profile.company.name}</p>
        <p className="field__hint">{t('profile.hints.company')}</p>
      </div>
      {WORK_FIELDS.map(textField)}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('profile.saving') : t('profile.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(undefined)}>
          {t('profile.cancel')}
        </button>
      </div>
    </form>
  );
}
