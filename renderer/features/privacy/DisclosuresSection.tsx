import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from './format';
import { useDisclosures } from './use-privacy';

/** P4.1, P4.2: who data may go to (never sold), and each disclosure recorded for this person. */
export function DisclosuresSection() {
  const { t, i18n } = useTranslation();
  const disclosures = useDisclosures();
  return (
    <div>
      <h2>{t('privacy.disclosures.title')}</h2>
      <p>{t('privacy.disclosures.notSold')}</p>
      {disclosures.isError && <ErrorAlert error={disclosures.error} title={t('privacy.loadFailed')} onRetry={() => void disclosures.refetch()} />}
      {disclosures.data && (
        <>
          <h3>{t('privacy.disclosures.categories')}</h3>
          <ul>
            {disclosures.data.recipientCategories.map((category) => (
              <li key={category}>{t(`privacy.disclosures.recipientCategories.${category}`)}</li>
            ))}
          </ul>
          <h3>{t('privacy.disclosures.records')}</h3>
          {disclosures.data.records.length === 0 && <p>{t('privacy.disclosures.none')}</p>}
          <ul className="privacy__list">
            {disclosures.data.records.map((record) => (
              <li key={record.id} className="privacy__card">
                <p>
                  <strong>{record.recipient}</strong> · {t(`privacy.disclosures.recipientCategories.${record.recipientCategory}`)} ·{' '}
                  {formatDate(record.at, i18n.language)}
                </p>
                <p className="field__hint">
                  {t('privacy.disclosures.detail', {
                    purpose: t(`privacy.purposes.${record.purpose.replace('.', '_')}`),
                    basis: t(`privacy.legalBases.${record.legalBasis}`),
                    data: record.dataCategories.map((c) => t(`privacy.categories.${c}`)).join(', '),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
