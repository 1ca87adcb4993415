import { useTranslation } from 'react-i18next';
import type { CatalogueQuery } from '../../../shared/api/software';
import { useCatalogueChoices } from './use-software';

type Props = { query: CatalogueQuery; onChange: (query: CatalogueQuery) => void };

/** Product and version choices and a search box; the server filters, so large catalogues stay small on screen. */
export function CatalogueFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const choices = useCatalogueChoices();
  const products = choices.data?.products ?? [];
  const versions = products.find((p) => p.id === query.productId)?.releases.map((r) => r.version) ?? [];
  const set = (patch: Partial<CatalogueQuery>) => {
    const next = { ...query, ...patch };
    for (const key of Object.keys(next) as (keyof CatalogueQuery)[]) if (!next[key]) delete next[key];
    onChange(next);
  };

  return (
    <form className="software-filters" role="search" aria-label={t('software.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="software-product">{t('software.filters.product')}</label>
        <select id="software-product" className="input" value={query.productId ?? ''} onChange={(e) => set({ productId: e.target.value, version: '' })}>
          <option value="">{t('software.filters.allProducts')}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="software-version">{t('software.filters.version')}</label>
        <select id="software-version" className="input" value={query.version ?? ''} disabled={versions.length === 0} onChange={(e) => set({ version: e.target.value })}>
          <option value="">{t('software.filters.allVersions')}</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="software-search">{t('software.filters.search')}</label>
        <input id="software-search" className="input" type="search" maxLength={100} value={query.q ?? ''} placeholder={t('software.filters.searchPlaceholder')} onChange={(e) => set({ q: e.target.value })} />
      </div>
    </form>
  );
}
