import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import { BookmarksPage } from './BookmarksPage';
import { LibrariesPage } from './LibrariesPage';
import { ReaderPage } from './ReaderPage';
import { SearchPage } from './SearchPage';
import './docs.css';

/** Documentation: search, libraries, bookmarks and history, and the reader. */
export function DocsPage() {
  const { t } = useTranslation();
  // The reader uses the width beside its table of contents; lists keep the narrower page.
  const reading = useLocation().pathname.startsWith('/docs/read/');
  return (
    <section className={reading ? 'page docs docs--reading' : 'page docs'}>
      <h1>{t('docs.title')}</h1>
      <nav className="docs-tabs" aria-label={t('docs.sections')}>
        <NavLink to="/docs" end>
          {t('docs.tabs.search')}
        </NavLink>
        <NavLink to="/docs/libraries">{t('docs.tabs.libraries')}</NavLink>
        <NavLink to="/docs/bookmarks">{t('docs.tabs.bookmarks')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<SearchPage />} />
        <Route path="libraries" element={<LibrariesPage />} />
        <Route path="bookmarks" element={<BookmarksPage />} />
        <Route path="read/:library/:topicId" element={<ReaderPage />} />
      </Routes>
    </section>
  );
}
