import { useTranslation } from 'react-i18next';
import { CATEGORY_IDS, type CategoryId } from '../../../shared/api/privacy';

/**
 * P5.1: which categories an export holds. Native checkboxes in a fieldset, so Tab and Space work and
 * a screen reader hears the group's name; "All" is a shortcut over the same choice, not a separate state.
 */
export function ExportCategoryPicker({ chosen, onChange, disabled }: { chosen: ReadonlySet<CategoryId>; onChange: (next: Set<CategoryId>) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const all = chosen.size === CATEGORY_IDS.length;
  const toggle = (id: CategoryId, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="privacy__export-categories" disabled={disabled}>
      <legend>{t('privacy.export.choose')}</legend>
      <label className="privacy__export-all">
        <input type="checkbox" checked={all} onChange={(event) => onChange(new Set(event.target.checked ? CATEGORY_IDS : []))} /> {t('privacy.export.all')}
      </label>
      <ul className="privacy__switches">
        {CATEGORY_IDS.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={chosen.has(id)} onChange={(event) => toggle(id, event.target.checked)} /> {t(`privacy.categories.${id}`)}
            </label>
          </li>
        ))}
      </ul>
      {chosen.size === 0 && (
        <p role="alert" className="field__error">
          {t('privacy.export.noneChosen')}
        </p>
      )}
    </fieldset>
  );
}
