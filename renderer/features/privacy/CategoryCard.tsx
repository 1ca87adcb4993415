import { useTranslation } from 'react-i18next';
import type { MyDataCategory } from '../../../shared/api/privacy';
import { RecordsTable } from './RecordsTable';

/** One category of My data: what is held, why (P2), on which basis, how long (P6.2), from where, where it is kept (P8.1). */
export function CategoryCard({ category }: { category: MyDataCategory }) {
  const { t, i18n } = useTranslation();
  const headingId = `category-${category.id}`;
  // Lists punctuated as the language writes them ("Germany, China and the United States"; "德国、中国和美国").
  const countries = (codes: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(codes.map((code) => t(`privacy.countries.${code}`, { defaultValue: code })));
  const phrases = (items: string[]) => items.join(t('privacy.phraseSeparator'));
  return (
    <article className="privacy__card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`privacy.categories.${category.id}`)} <span className="privacy__count">{t('privacy.myData.count', { count: category.count })}</span>
      </h2>
      <dl className="privacy__facts">
        <div className="privacy__fact">
          <dt>{t('privacy.myData.purposes')}</dt>
          <dd>{phrases(category.purposes.map((p) => t(`privacy.purposes.${p.replace('.', '_')}`)))}</dd>
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
          <dd>{phrases(category.safeguards.map((s) => t(`privacy.safeguards.${s}`)))}</dd>
        </div>
      </dl>
      <RecordsTable category={category} caption={t(`privacy.categories.${category.id}`)} />
    </article>
  );
}
