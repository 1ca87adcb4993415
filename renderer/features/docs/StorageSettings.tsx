import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSettings, useUpdateSettings } from '../settings/use-settings';

/** The docs settings: the storage limit for libraries, and whether remote content loads without asking (P3.3). */
export function StorageSettings() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const [limit, setLimit] = useState<string | null>(null);
  if (!settings.data) return null;
  const shown = limit ?? String(settings.data.docsStorageLimitMb);

  return (
    <form
      className="form docs-storage"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ docsStorageLimitMb: Number(shown) }, { onSuccess: () => setLimit(null) });
      }}
    >
      <h2>{t('docs.settings.title')}</h2>
      <div className="field">
        <label htmlFor="docs-limit">{t('docs.settings.limit')}</label>
        <input id="docs-limit" className="input input--narrow" type="number" min={100} step={100} value={shown} onChange={(e) => setLimit(e.target.value)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={settings.data.docsLoadRemoteContent} onChange={(e) => update.mutate({ docsLoadRemoteContent: e.target.checked })} />
        {t('docs.settings.remote')}
      </label>
      <div className="form__actions">
        <button type="submit" className="button" disabled={limit === null}>
          {t('docs.settings.save')}
        </button>
      </div>
      {update.isError && <ErrorAlert error={update.error} />}
    </form>
  );
}
