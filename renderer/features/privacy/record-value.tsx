import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { CategoryId } from '../../../shared/api/privacy';
import { recordVocabulary } from '../../../shared/api/privacy-records';
import { Checksum } from '../../ui/Checksum';
import { formatBytes, formatDateTime } from '../../i18n/format';

/** A record's own key (a UUID): a reference to quote to support, set apart as a value, not read as a word. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Which fields hold codes, per category: read once from the shared record schemas. */
const codedPaths = new Map<CategoryId, Set<string>>();
function isCoded(category: CategoryId, path: string): boolean {
  let paths = codedPaths.get(category);
  if (!paths) codedPaths.set(category, (paths = new Set(recordVocabulary(category).codes.map((field) => field.path))));
  return paths.has(path);
}

/** A field's label: the category's own wording where one field name means something else there, else the common one. */
export function fieldLabel(t: TFunction, category: CategoryId, field: string): string {
  return t([`privacy.fieldsIn.${category}.${field}`, `privacy.fields.${field}`]);
}

type Context = { t: TFunction; language: string; category: CategoryId };

/**
 * A sign-in method: `password`, `sso:<provider>` or `social:<provider>` (P1.6), in words. A provider
 * this app has no name for (a company's own identity provider, such as "northwind-entra-id") is never
 * shown by its id: the kind of account is said instead.
 */
function signInMethod(method: string, { t }: Context): string {
  const [kind, provider = ''] = method.split(':');
  const name = provider ? t(`privacy.signInProviders.${provider}`, { defaultValue: '' }) : '';
  if (kind !== 'password' && !name) return t(`privacy.codes.sign-in-history.method.${kind}Unnamed`);
  return t(`privacy.codes.sign-in-history.method.${kind}`, { provider: name });
}

/** A record's value in words: codes and yes/no in the UI language, dates and sizes localized, nested values as labelled lists. */
export function RecordValue({ value, path, context }: { value: unknown; path: string; context: Context }): ReactNode {
  const { t, language, category } = context;
  const field = path.split('.').at(-1)!;
  if (value === null || value === undefined || value === '') return <span className="privacy__empty-value">{t('privacy.emptyValue')}</span>;
  if (typeof value === 'boolean') return t(value ? 'privacy.yes' : 'privacy.no');
  if (typeof value === 'number') return field === 'size' ? formatBytes(value, language) : value.toLocaleString(language);
  if (typeof value === 'string') {
    if (category === 'sign-in-history' && path === 'method') return signInMethod(value, context);
    if (isCoded(category, path)) return t(`privacy.codes.${category}.${path}.${value}`);
    if (ISO_TIME.test(value)) return formatDateTime(value, language);
    if (field === 'sha256') return <Checksum value={value} />;
    if (UUID.test(value)) return <code className="privacy__reference">{value}</code>;
    if (field === 'country' && /^[A-Z]{2}$/.test(value)) return new Intl.DisplayNames([language], { type: 'region' }).of(value) ?? value;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="privacy__empty-value">{t('privacy.emptyValue')}</span>;
    return (
      <ul className="privacy__nested-list">
        {value.map((item, index) => (
          <li key={index}>
            <RecordValue value={item} path={path} context={context} />
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <span className="privacy__empty-value">{t('privacy.emptyValue')}</span>;
  return (
    <dl className="privacy__nested">
      {entries.map(([key, child]) => (
        <div key={key}>
          <dt>{fieldLabel(t, category, key)}</dt>
          <dd>
            <RecordValue value={child} path={`${path}.${key}`} context={context} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
