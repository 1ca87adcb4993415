import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { docsApi } from './docs.api';
import { useDocsMutation, useLibraries, useScopes } from './use-docs';

type Props = { selected: string[]; onChange: (libraries: string[]) => void };

/** Filters by installed library, and saves a set of libraries as a named search scope. */
export function ScopePicker({ selected, onChange }: Props) {
  const { t } = useTranslation();
  const libraries = useLibraries();
  const scopes = useScopes();
  const save = useDocsMutation(docsApi.saveScope);
  const remove = useDocsMutation(docsApi.deleteScope);
  const [name, setName] = useState('');
  const installed = (libraries.data?.libraries ?? []).filter((l) => l.state === 'installed' || l.state === 'update-available');
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);

  return (
    <details className="docs-scope">
      <summary>{selected.length ? t('docs.scope.some', { count: selected.length }) : t('docs.scope.all')}</summary>
      {(scopes.data ?? []).length > 0 && (
        <div className="docs-scope__saved">
          <p>{t('docs.scope.saved')}</p>
          {scopes.data!.map((scope) => (
            <span key={scope.id} className="docs-scope__chip">
              <button type="button" className="button button--small" onClick={() => onChange(scope.libraries)}>
                {scope.name}
              </button>
              <button type="button" className="button button--small" aria-label={t('docs.scope.delete', { name: scope.name })} onClick={() => remove.mutate(scope.id)}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <fieldset className="docs-scope__libraries">
        <legend>{t('docs.scope.libraries')}</legend>
        {installed.length === 0 && <p>{t('docs.scope.none')}</p>}
        {installed.map((library) => (
          <label key={library.id} className="checkbox">
            <input type="checkbox" checked={selected.includes(library.id)} onChange={() => toggle(library.id)} />
            {library.title}
          </label>
        ))}
      </fieldset>
      {selected.length > 0 && (
        <form
          className="docs-scope__save"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ name, libraries: selected }, { onSuccess: () => setName('') });
          }}
        >
          <label htmlFor="docs-scope-name">{t('docs.scope.name')}</label>
          <input id="docs-scope-name" className="input input--narrow" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button button--small" disabled={!name.trim()}>
            {t('docs.scope.save')}
          </button>
        </form>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
    </details>
  );
}
