import { useTranslation } from 'react-i18next';
import { useLocalErasure } from './use-privacy';

/**
 * P5.4 on this computer: after an erasure the app is signed out, and the sign-in screen says what was
 * removed here, what stays because it belongs to no account, and what could not be deleted.
 */
export function LocalErasureNotice() {
  const { t } = useTranslation();
  const { erasure, dismiss } = useLocalErasure();
  if (!erasure) return null;
  return (
    <section className="notice" aria-labelledby="local-erasure-title">
      <h2 id="local-erasure-title">{t('privacy.localErasure.title')}</h2>
      {erasure.error ? (
        <p role="alert">{erasure.error}</p>
      ) : (
        <>
          <p>{t('privacy.localErasure.removedIntro')}</p>
          <ul aria-label={t('privacy.localErasure.removedIntro')}>
            {erasure.removed.map(({ id, count }) => (
              <li key={id}>{t(`privacy.localErasure.items.${id}`, { count })}</li>
            ))}
          </ul>
        </>
      )}
      {erasure.filesLeft.length > 0 && <p role="alert">{t('privacy.localErasure.filesLeft', { files: erasure.filesLeft.join(', ') })}</p>}
      <p>{t('privacy.localErasure.kept')}</p>
      <button type="button" className="button" onClick={dismiss}>
        {t('privacy.localErasure.dismiss')}
      </button>
    </section>
  );
}
