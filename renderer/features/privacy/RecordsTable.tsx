import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

type Props = { records: Record<string, unknown>[]; caption: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A record's value in words: dates in the UI language, yes/no, nested values as JSON. */
function show(value: unknown, t: TFunction, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'privacy.yes' : 'privacy.no');
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value, language);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Records of a category as a table whose columns are the records' own fields. */
export function RecordsTable({ records, caption }: Props) {
  const { t, i18n } = useTranslation();
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
                <td key={column}>{show(record[column], t, i18n.language)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
