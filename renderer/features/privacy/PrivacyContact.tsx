import { useTranslation } from 'react-i18next';
import { privacyApi } from './privacy.api';
import { usePrivacyContact } from './use-privacy';

/** P5.7, P9.2: the privacy contact, always at hand (shell footer, policy page). */
export function PrivacyContact() {
  const { t } = useTranslation();
  const contact = usePrivacyContact();
  if (!contact.data) return null;
  const { email } = contact.data;
  return (
    <p className="privacy__contact">
      {t('privacy.contact.label')}{' '}
      <a
        href={`mailto:${email}`}
        onClick={(event) => {
          event.preventDefault();
          void privacyApi.openExternal(`mailto:${email}`).catch(() => undefined);
        }}
      >
        {email}
      </a>
    </p>
  );
}
