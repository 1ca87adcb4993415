import { useTranslation } from 'react-i18next';
import type { MyDataCategory } from '../../../shared/api/privacy';
import { RecordsTable } from './RecordsTable';

/** One category of My data: what is held, why (P2), on which basis, how long (P6.2), from where, where it is kept (P8.1). */
export function CategoryCard({ category }: { category: MyDataCategory }) {
  const { t } = useTranslation();
  const headingId = `category-${category.id}`;
  const countries = (codes: string[]) => codes.map((code) => t(`privacy.countries.${code}`, { defaultValue: code })).join(', ');
  return (
    <article className="privacy__card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`privacy.categories.${category.id}`)} <span className="privacy__count">{t('privacy.myData.count', { count: category.count })}</span>
      </h2>
      <dl className="privacy__facts">
        <div className="privacy__fact">
          <dt>{t('privacy.myData.purposes')}</dt>
          <dd>{category.purposes.map((p) => t(`privacy.purposes.${p.replace('.', '_')}`)).join('; ')}</dd>
        </div>
        <div className="privacy__fact">
          <dt>{t('privacy.myData.legalBasis')}</dt>
          <dd>{t(`privacy.legalBases.${category.legalBasis}`)}</dd>
        </div>
        <div className="privacy__fact">
          <dt>{t('privacy.myData.retention')}</dt>
          <dd>{t(`privacy.retentions.${category.retention}`)}</dd>
        </div>
        <div className="privacy__fact">
          <dt>{t('privacy.myData.source')}</dt>
          <dd>{t(`privacy.sources.${category.source}`)}</dd>
        </div>
        <div className="privacy__fact">
          <dt>{t('privacy.myData.location')}</dt>
          <dd>{t('privacy.myData.locationValue', { stored: countries([category.storedIn]), processed: countries(category.processedIn) })}</dd>
        </div>
        <div className="privacy__fact">
          <dt>{t('privacy.myData.safeguards')}</dt>
          <dd>{category.safeguards.map((s) => t(`privacy.safeguards.${s}`)).join('; ')}</dd>
        </div>
      </dl>
      <RecordsTable category={category} caption={t(`privacy.categories.${category.id}`)} />
    </article>
  );
}
