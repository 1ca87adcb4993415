import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExternalLinkDialog } from '../../ui/ExternalLinkDialog';
import { useNetworkStatus } from '../network/use-network';
import { useSettings, useUpdateSettings } from '../settings/use-settings';
import { FONT_SIZE } from '../../../shared/contract/settings';
import { docsApi } from './docs.api';
import { FindInPage } from './FindInPage';
import { queryWords } from './pdf-document';
import { PdfViewer } from './PdfViewer';
import { anchorId } from './sanitize-topic';
import { TocTree } from './TocTree';
import { TopicContent } from './TopicContent';
import { TopicFeedback } from './TopicFeedback';
import { TopicVersions } from './TopicVersions';
import { useDocsMutation, useToc, useTopic } from './use-docs';

/** The reader: a sanitized topic with its table of contents, previous/next, find, bookmark and feedback. */
export function ReaderPage() {
  const { t } = useTranslation();
  const { library = '', topicId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const topic = useTopic(library, topicId);
  const toc = useToc(library, topic.data?.source === 'local');
  const settings = useSettings();
  const updateSettings = useUpdateSettings();
  const network = useNetworkStatus();
  const bookmark = useDocsMutation(docsApi.setBookmark);
  const [external, setExternal] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<unknown>(null);
  const content = useRef<HTMLDivElement>(null);
  const anchor = params.get('anchor');
  const [tocOpen, setTocOpen] = useState(true);
  const tocList = useRef<HTMLDivElement>(null);
  // The contents keep the open topic in view (a library has hundreds of entries), without moving the page.
  const current = topic.data?.topicId;
  useEffect(() => {
    const list = tocList.current;
    const link = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && link) list.scrollTop = link.offsetTop - list.clientHeight / 2;
  }, [current, toc.data, tocOpen]);

  const openInternal = async (path: string, hash: string | null) => {
    try {
      const target = await docsApi.topic({ library, path });
      navigate(`/docs/read/${library}/${target.topicId}${hash ? `?anchor=${encodeURIComponent(hash)}` : ''}`);
    } catch (error) {
      setLinkError(error);
    }
  };

  if (topic.isPending) return <p>{t('app.loading')}</p>;
  if (topic.isError) return <ErrorAlert error={topic.error} title={t('docs.reader.loadFailed')} onRetry={() => void topic.refetch()} />;
  const view = topic.data;
  const fontSize = settings.data?.fontSize ?? FONT_SIZE.default;
  const bookmarked = bookmark.isPending ? bookmark.variables.bookmarked : view.bookmarked;
  // A PDF of an installed library opens in the PDF viewer, served from the library's folder.
  const pdf = view.source === 'local' && view.assetBase && /\.pdf$/i.test(view.path) ? { url: `${view.assetBase}${view.path.split('/').map(encodeURIComponent).join('/')}` } : null;

  return (
    <div className="docs-reader">
      {toc.data && (
        <nav className={tocOpen ? 'docs-toc' : 'docs-toc docs-toc--closed'} aria-label={t('docs.reader.toc')}>
          <button type="button" className="button button--small docs-toc__toggle" aria-expanded={tocOpen} aria-controls="docs-toc-list" onClick={() => setTocOpen(!tocOpen)}>
            {tocOpen ? t('docs.reader.tocHide') : t('docs.reader.tocShow')}
          </button>
          <div id="docs-toc-list" ref={tocList} className="docs-toc__body" hidden={!tocOpen}>
            <p className="docs-toc__title">{toc.data.title}</p>
            <TocTree library={library} nodes={toc.data.toc} current={view.topicId} />
          </div>
        </nav>
      )}
      <article className="docs-reader__main" aria-label={view.title}>
        <p className="docs-reader__library">
          {view.libraryTitle || t('docs.search.onlineLibrary')}
          {view.source === 'online' && <span className="docs-badge">{t('docs.search.online')}</span>}
        </p>
        <TopicVersions versions={view.otherVersions} />
        <div className="docs-reader__toolbar">
          <button
            type="button"
            className="button button--small docs-bookmark"
            aria-pressed={bookmarked}
            onClick={() => bookmark.mutate({ library, topicId: view.topicId, title: view.title, libraryTitle: view.libraryTitle, bookmarked: !bookmarked })}
          >
            {bookmarked ? t('docs.reader.bookmarked') : t('docs.reader.bookmark')}
          </button>
          {/* WCAG 2.5.3: the accessible name starts with the visible "A−"/"A+", so "click A plus" works by voice. */}
          <button type="button" className="button button--small" aria-label={t('docs.reader.smaller', { label: 'A−' })} disabled={fontSize <= FONT_SIZE.min} onClick={() => updateSettings.mutate({ fontSize: fontSize - 1 })}>
            A−
          </button>
          <button type="button" className="button button--small" aria-label={t('docs.reader.larger', { label: 'A+' })} disabled={fontSize >= FONT_SIZE.max} onClick={() => updateSettings.mutate({ fontSize: fontSize + 1 })}>
            A+
          </button>
          {!pdf && <FindInPage key={view.topicId} content={content} />}
        </div>
        {linkError !== null && <ErrorAlert error={linkError} title={t('docs.reader.linkFailed')} />}
        {pdf ? (
          <PdfViewer key={pdf.url} url={pdf.url} title={view.title} page={pdfPage(anchor)} highlight={queryWords(params.get('q') ?? '')} />
        ) : <TopicContent
          key={`${library}/${view.topicId}`}
          ref={(node) => {
            content.current = node;
            if (node && anchor) document.getElementById(anchorId(anchor))?.scrollIntoView();
          }}
          topic={view}
          loadRemoteByDefault={settings.data?.docsLoadRemoteContent ?? false}
          onInternalLink={(path, hash) => void openInternal(path, hash)}
          onExternalLink={setExternal}
        />}
        <nav className="docs-reader__pager" aria-label={t('docs.reader.pager')}>
          {view.prev ? <Link to={`/docs/read/${library}/${view.prev.topicId}`} rel="prev">← {view.prev.title}</Link> : <span />}
          {view.next ? <Link to={`/docs/read/${library}/${view.next.topicId}`} rel="next">{view.next.title} →</Link> : <span />}
        </nav>
        {/* Keyed by topic: feedback sent on one page must not hide the form on the next. */}
        <TopicFeedback key={`feedback:${library}/${view.topicId}`} library={library} topicId={view.topicId} online={network.data?.online ?? false} />
      </article>
      <ExternalLinkDialog
        url={external}
        onCancel={() => setExternal(null)}
        onConfirm={(url) => {
          setExternal(null);
          docsApi.openExternal(url).catch(setLinkError);
        }}
      />
    </div>
  );
}

/** The page of a "page=N" anchor (a PDF hit or bookmark), else the first. */
function pdfPage(anchor: string | null): number {
  const n = Number(/^page=(\d+)$/.exec(anchor ?? '')?.[1] ?? 1);
  return n >= 1 ? n : 1;
}
