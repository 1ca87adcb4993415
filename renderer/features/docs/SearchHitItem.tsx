import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '../../../shared/contract/docs-contract';
import { breadcrumb } from '../../../shared/docs-search-location';
import { Snippet } from './Snippet';

type Props = { hit: SearchHit; index: number; query: string; onOpen: () => void };

/**
 * One result: where it sits (library and version > page > section) above its title, so five
 * sections called "Parameters" can be told apart, then the snippet with the matches marked.
 */
export function SearchHitItem({ hit, index, query, onOpen }: Props) {
  const { t } = useTranslation();
  const crumbsId = `docs-hit-crumbs-${index}`;
  // An older online service may not name the library: say what it is rather than show its id.
  const crumbs = hit.libraryTitle ? breadcrumb(hit) : [t('docs.search.onlineLibrary'), ...breadcrumb(hit)];
  // A PDF's reader marks the query's words on the page it opens (an HTML page keeps its own look).
  const search = new URLSearchParams({ ...(hit.anchor ? { anchor: hit.anchor } : {}), ...(hit.path.split('#')[0]!.toLowerCase().endsWith('.pdf') ? { q: query } : {}) }).toString();
  const to = `/docs/read/${hit.library}/${hit.topicId}${search ? `?${search}` : ''}`;
  return (
    <li className="docs-hit">
      <p id={crumbsId} className="docs-hit__crumbs">
        {crumbs.join(' › ')}
        {hit.source === 'online' && <span className="docs-badge">{t('docs.search.online')}</span>}
      </p>
      <Link className="docs-hit__title" to={to} aria-describedby={crumbsId} onClick={onOpen}>
        {hit.title}
      </Link>
      <Snippet text={hit.snippet} />
    </li>
  );
}
