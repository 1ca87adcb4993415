import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SettingsFormInput, SettingsFormOutput } from '../../../shared/settings-form';

type Props = { form: UseFormReturn<SettingsFormInput, unknown, SettingsFormOutput>; managedNote?: string | undefined };

/** The sites the user chose not to be warned about (P7.1); removing one brings the warning back on save. */
export function TrustedSitesField({ form, managedNote }: Props) {
  const { t } = useTranslation();
  const sites = form.watch('trustedExternalSites');
  const remove = (site: string) =>
    form.setValue(
      'trustedExternalSites',
      sites.filter((s) => s !== site),
      { shouldDirty: true },
    );

  return (
    <div className="field" role="group" aria-labelledby="settings-trusted-label" aria-describedby="settings-trusted-hint" id="settings-trusted-sites" tabIndex={-1}>
      <p className="field__label" id="settings-trusted-label">
        {t('settings.trustedSites.label')}
      </p>
      {sites.length === 0 ? (
        <p className="field__static">{t('settings.trustedSites.none')}</p>
      ) : (
        <ul className="site-list">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button type="button" className="button button--small" disabled={Boolean(managedNote)} aria-label={t('settings.trustedSites.removeLabel', { site })} onClick={() => remove(site)}>
                {t('settings.trustedSites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint" id="settings-trusted-hint">
        {managedNote ?? t('settings.trustedSites.hint')}
      </p>
    </div>
  );
}
