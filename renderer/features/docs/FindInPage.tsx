import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { clearMatches, findMatches, paintMatches } from './find-in-page';

type Props = { content: RefObject<HTMLElement | null> };

/** A labelled find box: Enter goes to the next match, Shift+Enter to the previous one. Keyed by topic, so it resets. */
export function FindInPage({ content }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);

  useEffect(() => clearMatches, []);

  const find = (text: string) => {
    setQuery(text);
    const found = content.current ? findMatches(content.current, text) : [];
    setRanges(found);
    setCurrent(0);
    paintMatches(found, 0);
  };

  const step = (delta: number) => {
    if (ranges.length === 0) return;
    const next = (current + delta + ranges.length) % ranges.length;
    setCurrent(next);
    paintMatches(ranges, next);
  };

  return (
    <div className="docs-find" role="search">
      <label htmlFor="docs-find-input">{t('docs.reader.find')}</label>
      <input
        id="docs-find-input"
        className="input input--narrow"
        type="search"
        value={query}
        onChange={(event) => find(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          }
        }}
      />
      <button type="button" className="button button--small" onClick={() => step(-1)} disabled={ranges.length === 0}>
        {t('docs.reader.findPrevious')}
      </button>
      <button type="button" className="button button--small" onClick={() => step(1)} disabled={ranges.length === 0}>
        {t('docs.reader.findNext')}
      </button>
      <span role="status" className="docs-find__count">
        {query.trim() ? t('docs.reader.findCount', { current: ranges.length ? current + 1 : 0, count: ranges.length }) : ''}
      </span>
    </div>
  );
}
