import { useMemo, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../i18n/country-codes';

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  /** The first, empty option ("Choose a country"). */
  placeholder: string;
  /** The stored code, kept in the list even if it is not a current ISO code. */
  current: string;
  ref?: React.Ref<HTMLSelectElement>;
};

/** A country picker with names in the UI language; used by the profile and the request contact. */
export function CountrySelect({ placeholder, current, ...select }: Props) {
  const { i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language, current), [i18n.language, current]);
  return (
    <select className="input" autoComplete="country" {...select}>
      <option value="">{placeholder}</option>
      {countries.map(({ code, name }) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
}
