import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { NoResults } from './NoResults';
import { ScopePicker } from './ScopePicker';
import { SearchHitItem } from './SearchHitItem';
import { readSearchLocation, RESULTS_MAX, RESULTS_PAGE, writeSearchLocation, type SearchLocation } from '../../../shared/docs-search-location';
import { useLibraries, useSearch } from './use-docs';

/**
 * As-you-type search: local results (offline, instant) with online ones for libraries not installed.
 * The query, filters, page length and scroll position are kept in the URL (see search-location.ts).
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = readSearchLocation(params);
  const [text, setText] = useState(location.query);
  const [shownQuery, setShownQuery] = useState(location.query);
  // The URL changed from elsewhere (Back, the command palette): the box shows its query.
  if (location.query !== shownQuery) {
    setShownQuery(location.query);
    setText(location.query);
  }
  const update = useCallback(
    (change: Partial<SearchLocation>) => setParams((old) => writeSearchLocation({ ...readSearchLocation(old), scrollY: null, ...change }), { replace: true }),
    [setParams],
  );
  // A short pause between keystrokes keeps a fast typist from queueing a search per letter (the URL is replaced, not pushed).
  useEffect(() => {
    if (text === shownQuery) return;
    const timer = setTimeout(() => update({ query: text, limit: RESULTS_PAGE }), 120);
    return () => clearTimeout(timer);
  }, [text, shownQuery, update]);
  const { query, libraries, limit } = location;
  const search = useSearch(query.trim() ? { query, limit, includeOnline: true, ...(libraries.length ? { scope: { libraries } } : {}) } : null);
  const installed = useLibraries().data?.libraries.filter((l) => l.state === 'installed' || l.state === 'update-available');
  const result = query.trim() ? search.data : undefined;
  const hits = result?.hits ?? [];
  const localShown = hits.filter((h) => h.source === 'local').length;
  useRestoreScroll(location.scrollY, Boolean(result));

  return (
    <section>
      {installed?.length === 0 && (
        <div className="notice docs-empty">
          <p>{t('docs.search.noLibraries')}</p>
          <Link className="button button--primary" to="/docs/libraries">
            {t('docs.search.installLibraries')}
          </Link>
        </div>
      )}
      <div className="field">
        <label htmlFor="docs-search">{t('docs.search.label')}</label>
        <input
          id="docs-search"
          className="input docs-search__input"
          type="search"
          autoComplete="off"
          placeholder={t('docs.search.placeholder')}
          aria-describedby="docs-search-hint"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <p id="docs-search-hint" className="field__hint">{t('docs.search.hint')}</p>
      </div>
      <ScopePicker selected={libraries} onChange={(selected) => update({ libraries: selected, limit: RESULTS_PAGE })} />
      {search.isError && <ErrorAlert error={search.error} title={t('docs.search.failed')} />}
      <p role="status" className="docs-search__status">
        {result && (
          <>
            {result.correctedQuery && hits.length > 0 && <>{t('docs.search.showingFor', { query: result.correctedQuery })} </>}
            {result.total > localShown
              ? t('docs.search.countOf', { shown: hits.length, total: result.total + hits.length - localShown, ms: result.ms })
              : t('docs.search.count', { count: hits.length, ms: result.ms })}
            {!result.onlineIncluded && ` ${t('docs.search.localOnly')}`}
          </>
        )}
      </p>
      {result?.indexUpgrade && (
        // Shown while docs migrations re-index the installed libraries in the background (refreshed by useSearch).
        <div className="notice" role="status">
          <p>{t('docs.search.upgrading')}</p>
          {result.indexUpgrade.total > 0 && (
            <progress max={result.indexUpgrade.total} value={result.indexUpgrade.done} aria-label={t('docs.search.upgradeProgress')}>
              {t('docs.search.upgradeProgressText', { done: result.indexUpgrade.done, total: result.indexUpgrade.total })}
            </progress>
          )}
        </div>
      )}
      {result && hits.length === 0 && <NoResults result={result} scoped={libraries.length > 0} onWiden={() => update({ libraries: [] })} onSearch={(q) => setText(q)} />}
      <ol className="docs-hits" aria-label={t('docs.search.results')}>
        {hits.map((hit, index) => (
          <SearchHitItem
            key={`${hit.source}:${hit.library}:${hit.topicId}:${hit.anchor}`}
            hit={hit}
            index={index}
            query={location.query}
            // Remember where the list was scrolled, so Back lands on the same result.
            onOpen={() => setParams(writeSearchLocation({ ...location, scrollY: Math.round(window.scrollY) }), { replace: true })}
          />
        ))}
      </ol>
      {result && result.total > localShown && limit < RESULTS_MAX && (
        <button type="button" className="button" onClick={() => update({ limit: Math.min(RESULTS_MAX, limit + RESULTS_PAGE) })}>
          {t('docs.search.more')}
        </button>
      )}
    </section>
  );
}

/** Back from a topic: once the results are on screen again, scroll to where the user left them (once). */
function useRestoreScroll(scrollY: number | null, ready: boolean) {
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !ready || scrollY === null) return;
    // After the shell has moved focus to the page for the route change, which may scroll.
    const frame = requestAnimationFrame(() => {
      restored.current = true;
      window.scrollTo(0, scrollY);
    });
    return () => cancelAnimationFrame(frame);
  }, [scrollY, ready]);
}
