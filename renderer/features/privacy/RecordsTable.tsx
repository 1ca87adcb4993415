import { useTranslation } from 'react-i18next';

type Props = { records: Record<string, unknown>[]; caption: string };

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Records of a category as a table whose columns are the records' own fields. */
export function RecordsTable({ records, caption }: Props) {
  const { t } = useTranslation();
  if (records.length === 0) return <p className="privacy__empty">{t('privacy.myData.none')}</p>;
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return (
    <div className="privacy__table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="privacy__table">
        <caption className="privacy__sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`privacy.fields.${column}`, { defaultValue: column })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>{show(record[column])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
