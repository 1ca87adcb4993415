import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSettings, useUpdateSettings } from '../settings/use-settings';

/** P7.1: the sites the user chose not to be warned about again, each of which can be made to ask again. */
export function TrustedSites() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const sites = settings.data?.trustedExternalSites ?? [];
  return (
    <section aria-labelledby="trusted-sites-title">
      <h3 id="trusted-sites-title">{t('privacy.externalLink.title')}</h3>
      {sites.length === 0 ? (
        <p>{t('privacy.externalLink.none')}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                className="button button--small"
                disabled={update.isPending}
                onClick={() => update.mutate({ trustedExternalSites: sites.filter((s) => s !== site) })}
              >
                {t('privacy.externalLink.askAgain', { host: site })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {update.isError && <ErrorAlert error={update.error} title={t('privacy.externalLink.failed')} />}
    </section>
  );
}
