import { useTranslation } from 'react-i18next';
import type { MyDataCategory } from '../../../shared/api/privacy';
import { formatDate } from './format';
import { fieldLabel, RecordValue } from './record-value';

type Props = { category: MyDataCategory; caption: string };

/**
 * A category's records: rows of a table for tabular categories (sign-ins, consents...), one labelled
 * block per record for the others (identity, service requests with their conversation).
 */
export function RecordsTable({ category, caption }: Props) {
  const { t, i18n } = useTranslation();
  const { records } = category;
  const context = { t, language: i18n.language, category: category.id };
  if (records.length === 0) return <p className="privacy__empty">{t('privacy.myData.none')}</p>;
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  // P6.2: when the service deletes each record, from the same period definition its purge uses.
  const showGoesAt = category.goesAt.some((at) => at !== null);
  const goesAt = (index: number) => {
    const at = category.goesAt[index];
    return at ? formatDate(at, i18n.language) : t('privacy.myData.goesWithAccount');
  };
  if (!category.tabular) {
    return (
      <ul className="privacy__records" aria-label={caption}>
        {records.map((record, index) => (
          <li key={index} className="privacy__record">
            <dl className="privacy__record-fields">
              {columns
                .filter((column) => column in record)
                .map((column) => (
                  <div key={column} className="privacy__record-field">
                    <dt>{fieldLabel(t, category.id, column)}</dt>
                    <dd>
                      <RecordValue value={record[column]} path={column} context={context} />
                    </dd>
                  </div>
                ))}
              {showGoesAt && (
                <div className="privacy__record-field">
                  <dt>{t('privacy.myData.goesAt')}</dt>
                  <dd>{goesAt(index)}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="privacy__table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="privacy__table">
        <caption className="privacy__sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {fieldLabel(t, category.id, column)}
              </th>
            ))}
            {showGoesAt && <th scope="col">{t('privacy.myData.goesAt')}</th>}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>
                  <RecordValue value={record[column]} path={column} context={context} />
                </td>
              ))}
              {showGoesAt && <td>{goesAt(index)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
