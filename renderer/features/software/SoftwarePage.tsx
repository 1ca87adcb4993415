import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AccessApplication, CatalogueQuery } from '../../../shared/api/software';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { ApplicationsPanel } from './ApplicationsPanel';
import { CatalogueFilters } from './CatalogueFilters';
import { DownloadsPanel } from './DownloadsPanel';
import { ProductSection } from './ProductSection';
import { useApplications, useCatalogue } from './use-software';
import './software.css';

/** Software: the catalogue with filters, the user's access applications, and verified downloads. */
export function SoftwarePage() {
  const { t } = useTranslation();
  // The filters live in the URL (/software?product=nwos&version=7.2.0&q=img), so deep links and the
  // command palette can open a product, and Back returns to the previous filters.
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const q: CatalogueQuery = {};
    const [productId, version, text] = [params.get('product'), params.get('version'), params.get('q')];
    if (productId) q.productId = productId;
    if (version) q.version = version;
    if (text) q.q = text;
    return q;
  }, [params]);
  const setQuery = (next: CatalogueQuery) =>
    setParams(
      Object.fromEntries(Object.entries({ product: next.productId, version: next.version, q: next.q }).filter((entry): entry is [string, string] => Boolean(entry[1]))),
      { replace: true },
    );
  const [announcement, setAnnouncement] = useState<string>();
  const catalogue = useCatalogue(query);
  const onDecided = useCallback(
    (a: AccessApplication) => setAnnouncement(t(`software.applications.decided.${a.status === 'approved' ? 'approved' : 'rejected'}`, { product: a.productName })),
    [t],
  );
  const applications = useApplications(onDecided);

  return (
    <section className="page software">
      <h1>{t('software.title')}</h1>
      <p className="page__intro">{t('software.intro')}</p>
      <StatusMessage message={announcement} />
      <DownloadsPanel />
      <CatalogueFilters query={query} onChange={setQuery} />
      {catalogue.isPending && <p>{t('app.loading')}</p>}
      {catalogue.isError && <ErrorAlert error={catalogue.error} title={t('software.catalogue.loadFailed')} onRetry={() => void catalogue.refetch()} />}
      {catalogue.data && catalogue.data.products.length === 0 && <p>{t('software.catalogue.empty')}</p>}
      {catalogue.data?.products.map((product) => <ProductSection key={product.id} product={product} applications={applications.data ?? []} />)}
      <ApplicationsPanel applications={applications} />
    </section>
  );
}
