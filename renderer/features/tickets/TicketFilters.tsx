import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, STATUSES, type TicketListQuery } from '../../../shared/api/tickets';

export type Filters = Omit<TicketListQuery, 'limit'>;
const SORTS = ['updated', 'created', 'severity', 'sla'] as const;

/** Status, severity, product, search and sort; the search waits for a pause in typing. */
export function TicketFilters({ value, onChange, products }: { value: Filters; onChange: (next: Filters) => void; products: string[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => {
    if ((value.q ?? '') === q) return;
    const timer = setTimeout(() => onChange({ ...value, q: q || undefined }), 250);
    return () => clearTimeout(timer);
  }, [q, value, onChange]);

  const select = (name: 'status' | 'severity' | 'product', options: readonly string[], label: (o: string) => string) => (
    <div className="field field--inline">
      <label htmlFor={`tickets-filter-${name}`}>{t(`tickets.filters.${name}`)}</label>
      <select id={`tickets-filter-${name}`} className="input" value={value[name] ?? ''} onChange={(e) => onChange({ ...value, [name]: e.target.value || undefined })}>
        <option value="">{t('tickets.filters.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form className="ticket-filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="field field--inline">
        <label htmlFor="tickets-search">{t('tickets.filters.search')}</label>
        <input id="tickets-search" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('tickets.filters.searchHint')} />
      </div>
      {select('status', STATUSES, (s) => t(`tickets.status.${s}`))}
      {select('severity', SEVERITIES, (s) => t(`tickets.severity.${s}`))}
      {select('product', products, (p) => p)}
      <div className="field field--inline">
        <label htmlFor="tickets-sort">{t('tickets.filters.sort')}</label>
        <select id="tickets-sort" className="input" value={value.sort ?? 'updated'} onChange={(e) => onChange({ ...value, sort: e.target.value as Filters['sort'] })}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`tickets.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
