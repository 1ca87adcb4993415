import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { CountrySelect } from '../../ui/CountrySelect';
import { MAX_LENGTH, type FormValues } from './ticket-form-model';

type Props = { register: UseFormRegister<FormValues>; message: (name: string) => string | undefined; country: string };

const TEXT = [
  { name: 'name', type: 'text', autoComplete: 'name' },
  { name: 'email', type: 'email', autoComplete: 'email' },
  { name: 'phone', type: 'tel', autoComplete: 'tel' },
  { name: 'company', type: 'text', autoComplete: 'organization' },
] as const;

/** Who the engineer contacts (P1.5): filled from the profile, changeable for this request only. */
export function ContactFields({ register, message, country }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t('tickets.form.contact')}</legend>
      <p className="field__hint">{t('tickets.form.contactHint')}</p>
      {TEXT.map(({ name, type, autoComplete }) => (
        <Field key={name} id={`ticket-contact-${name}`} label={t(`tickets.fields.contact.${name}`)} error={message(`contact.${name}`)}>
          {(control) => <input className="input" type={type} autoComplete={autoComplete} maxLength={MAX_LENGTH[`contact.${name}`]} {...control} {...register(`contact.${name}`)} />}
        </Field>
      ))}
      <Field id="ticket-contact-country" label={t('tickets.fields.contact.country')} error={message('contact.country')}>
        {(control) => (
          <CountrySelect placeholder={t('tickets.form.choose')} current={country} {...control} {...register('contact.country')} />
        )}
      </Field>
      <Field id="ticket-contact-address" label={t('tickets.fields.contact.contactAddress')} error={message('contact.contactAddress')}>
        {(control) => <textarea className="input" rows={2} autoComplete="street-address" maxLength={MAX_LENGTH['contact.contactAddress']} {...control} {...register('contact.contactAddress')} />}
      </Field>
    </fieldset>
  );
}
