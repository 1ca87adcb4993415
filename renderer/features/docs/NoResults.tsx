import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchResult } from '../../../shared/contract/docs-contract';
import { newRequestPath, TICKETS_AVAILABLE } from './service-request';

type Props = { result: SearchResult; scoped: boolean; onWiden: () => void; onSearch: (query: string) => void };

/** Nothing found: what to try next (the corrected words, every library, more libraries) and who to ask. */
export function NoResults({ result, scoped, onWiden, onSearch }: Props) {
  const { t } = useTranslation();
  return (
    <div className="notice docs-no-results">
      <p className="notice__title">{t('docs.search.none')}</p>
      <ul>
        {result.correctedQuery && (
          <li>
            {t('docs.search.tryCorrected')}{' '}
            <button type="button" className="button button--small" onClick={() => onSearch(result.correctedQuery!)}>
              {result.correctedQuery}
            </button>
          </li>
        )}
        {scoped && (
          <li>
            <button type="button" className="button button--small" onClick={onWiden}>
              {t('docs.search.widen')}
            </button>
          </li>
        )}
        <li>
          {t('docs.search.fewerWords')} <Link to="/docs/libraries">{t('docs.search.moreLibraries')}</Link>
        </li>
        {TICKETS_AVAILABLE && (
          <li>
            {t('docs.search.askSupport')} <Link to={newRequestPath()}>{t('docs.search.openRequest')}</Link>
          </li>
        )}
      </ul>
    </div>
  );
}
