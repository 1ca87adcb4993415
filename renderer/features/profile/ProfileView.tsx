import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/api/profile';
import { formatDateTime } from '../../i18n/format';
import { countryName } from '../../i18n/country-codes';

type Props = { profile: Profile };

export function ProfileView({ profile }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows: [label: string, value: string][] = [
    [t('profile.fields.name'), profile.name],
    [t('profile.fields.email'), profile.email],
    [t('profile.fields.phone'), profile.phone],
    [t('profile.fields.contactAddress'), profile.contactAddress],
    [t('profile.fields.country'), countryName(profile.country, language)],
    [t('profile.fields.company'), profile.company.name],
    [t('profile.fields.industry'), profile.industry],
    [t('profile.fields.job'), profile.job],
    [t('profile.fields.updatedAt'), formatDateTime(profile.updatedAt, language)],
  ];

  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label} className="details__row">
          <dt>{label}</dt>
          <dd className={value ? 'details__value' : 'details__value details__value--empty'}>
            {value || t('profile.notSet')}
          </dd>
        </div>
      ))}
    </dl>
  );
}
