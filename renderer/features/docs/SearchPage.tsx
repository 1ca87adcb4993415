import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ScopePicker } from './ScopePicker';
import { Snippet } from './Snippet';
import { useSearch } from './use-docs';

/** As-you-type search: local results (offline, instant) with online ones for libraries not installed. */
export function SearchPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [libraries, setLibraries] = useState<string[]>([]);
  // A short pause between keystrokes keeps a fast typist from queueing a search per letter.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 120);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useSearch(query.trim() ? { query, limit: 30, includeOnline: true, ...(libraries.length ? { scope: { libraries } } : {}) } : null);
  const hits = search.data?.hits ?? [];

  return (
    <section>
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
      <ScopePicker selected={libraries} onChange={setLibraries} />
      {search.isError && <ErrorAlert error={search.error} title={t('docs.search.failed')} />}
      <p role="status" className="docs-search__status">
        {query.trim() && search.data
          ? t('docs.search.count', { count: hits.length, ms: search.data.ms }) + (search.data.onlineIncluded ? '' : ` ${t('docs.search.localOnly')}`)
          : ''}
      </p>
      <ol className="docs-hits" aria-label={t('docs.search.results')}>
        {hits.map((hit) => (
          <li key={`${hit.source}:${hit.library}:${hit.topicId}:${hit.anchor}`} className="docs-hit">
            <Link className="docs-hit__title" to={`/docs/read/${hit.library}/${hit.topicId}${hit.anchor ? `?anchor=${encodeURIComponent(hit.anchor)}` : ''}`}>
              {hit.title}
            </Link>
            {hit.source === 'online' && <span className="docs-badge">{t('docs.search.online')}</span>}
            <p className="docs-hit__meta">{hit.product ? `${hit.product} ${hit.version}` : hit.library}</p>
            <Snippet text={hit.snippet} />
          </li>
        ))}
      </ol>
    </section>
  );
}
