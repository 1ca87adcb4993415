import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { SEVERITIES, STATUSES } from '../../../shared/api/tickets';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { DraftsPanel } from './DraftsPanel';
import { OutboxPanel } from './OutboxPanel';
import { TicketFilters, type Filters } from './TicketFilters';
import { TicketList } from './TicketList';
import { useDevices, useOutbox, useTicketList } from './use-tickets';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (list.includes(value as T) ? (value as T) : undefined);

const isFiltered = (filters: Filters) => Boolean(filters.status || filters.severity || filters.product || filters.q);

/** The user's requests with filters kept in the URL (back and reload keep them), the outbox and drafts. */
export function TicketsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters: Filters = useMemo(
    () => ({
      status: oneOf(STATUSES, params.get('status')),
      severity: oneOf(SEVERITIES, params.get('severity')),
      product: params.get('product') || undefined,
      q: params.get('q') || undefined,
      sort: oneOf(['updated', 'created', 'severity', 'sla'] as const, params.get('sort')),
    }),
    [params],
  );
  const setFilters = useCallback(
    (next: Filters) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true }),
    [setParams],
  );
  const list = useTicketList(filters);
  // An empty list says why, and on a first visit how to open a request.
  const emptyText = (offlineSince: string | null, filtered: boolean) =>
    filtered ? t('tickets.list.emptyFiltered') : offlineSince ? t('tickets.list.emptyOffline') : t('tickets.list.empty');
  const devices = useDevices();
  const products = useMemo(() => [...new Set((devices.data ?? []).map((d) => d.product))].sort(), [devices.data]);
  const queued = (location.state as { queued?: string } | null)?.queued;
  const outbox = useOutbox();
  // Once the outbox has delivered it, say so instead of "waiting".
  const waiting = queued !== undefined && (outbox.data ?? []).some((item) => item.kind === 'create' && item.label === queued);

  return (
    <section className="page page--wide">
      <div className="tickets__header">
        <h1>{t('tickets.title')}</h1>
        <Link to="/tickets/new" className="button button--primary">
          {t('tickets.new')}
        </Link>
      </div>
      <StatusMessage message={queued && (waiting || outbox.isPending ? t('tickets.queued', { title: queued }) : t('tickets.sent', { title: queued }))} />
      <OutboxPanel />
      <DraftsPanel />
      <TicketFilters value={filters} onChange={setFilters} products={products} />
      {list.isError && <ErrorAlert error={list.error} title={t('tickets.list.loadFailed')} onRetry={() => void list.refetch()} />}
      {list.isPending && <p>{t('app.loading')}</p>}
      {list.data?.offlineSince && (
        <p className="notice tickets__offline">{t('tickets.list.offline', { time: formatDateTime(list.data.offlineSince, i18n.language) })}</p>
      )}
      {list.data && (
        <>
          <p className="field__hint" aria-live="polite">
            {t('tickets.list.count', { count: list.data.total })}
          </p>
          <TicketList items={list.data.items} empty={emptyText(list.data.offlineSince, isFiltered(filters))} />
        </>
      )}
    </section>
  );
}
