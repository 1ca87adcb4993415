import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { docsApi } from './docs.api';
import { useBookmarks, useDocsMutation, useHistory } from './use-docs';

/** Bookmarks and recently read topics (kept on this computer only; history can be cleared). */
export function BookmarksPage() {
  const { t } = useTranslation();
  const bookmarks = useBookmarks();
  const history = useHistory();
  const clear = useDocsMutation(docsApi.clearHistory);

  return (
    <section className="docs-lists">
      <h2>{t('docs.bookmarks.title')}</h2>
      {bookmarks.data?.length === 0 && <p>{t('docs.bookmarks.empty')}</p>}
      <ul aria-label={t('docs.bookmarks.title')}>
        {bookmarks.data?.map((b) => (
          <li key={`${b.library}/${b.topicId}`}>
            <Link to={`/docs/read/${b.library}/${b.topicId}`}>{b.title}</Link> <span className="docs-hit__meta">{b.libraryTitle || t('docs.search.onlineLibrary')}</span>
          </li>
        ))}
      </ul>
      <h2>{t('docs.history.title')}</h2>
      {history.data?.length === 0 && <p>{t('docs.history.empty')}</p>}
      <ul aria-label={t('docs.history.title')}>
        {history.data?.map((h) => (
          <li key={`${h.library}/${h.topicId}`}>
            <Link to={`/docs/read/${h.library}/${h.topicId}`}>{h.title}</Link> <span className="docs-hit__meta">{h.libraryTitle || t('docs.search.onlineLibrary')}</span>
          </li>
        ))}
      </ul>
      {(history.data?.length ?? 0) > 0 && (
        <button type="button" className="button" onClick={() => clear.mutate(undefined)}>
          {t('docs.history.clear')}
        </button>
      )}
    </section>
  );
}
