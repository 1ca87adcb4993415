import { TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPage, markWords, openPdf } from './pdf-document';

type Props = { url: string; title: string; page: number; highlight: string[] };

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * A library's PDF in the reader: one page at a time on a canvas with pdf.js's text layer over it
 * (select and copy work, the hit's words are marked), page navigation, zoom and a find that looks
 * through every page. Links inside the PDF are not made clickable (no annotation layer): nothing in
 * the file can navigate the app or open the network.
 */
export function PdfViewer({ url, title, page: startPage, highlight }: Props) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  // The page follows the reader's anchor (a bookmark of the contents) until the person turns pages.
  const [nav, setNav] = useState({ start: startPage, page: startPage });
  if (nav.start !== startPage) setNav({ start: startPage, page: startPage });
  const page = nav.start === startPage ? nav.page : startPage;
  const setPage = (n: number) => setNav({ start: startPage, page: n });
  const [zoom, setZoom] = useState(2);
  const [find, setFind] = useState('');
  const [findState, setFindState] = useState<'idle' | 'searching' | 'none'>('idle');
  const [words, setWords] = useState(highlight);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opened = openPdf(url);
    opened.promise.then(setDoc, (error: unknown) => {
      console.error('The PDF could not be opened:', error);
      setFailed(true);
    });
    return opened.destroy;
  }, [url]);

  useEffect(() => {
    if (!doc || !canvas.current || !textLayer.current) return undefined;
    let cancelled = false;
    const container = textLayer.current;
    const target = canvas.current;
    void (async () => {
      const pdfPage = await doc.getPage(Math.min(Math.max(1, page), doc.numPages));
      if (cancelled) return;
      const viewport = pdfPage.getViewport({ scale: ZOOMS[zoom]! * (window.devicePixelRatio || 1) });
      const cssViewport = pdfPage.getViewport({ scale: ZOOMS[zoom]! });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(cssViewport.width)}px`;
      target.style.height = `${Math.floor(cssViewport.height)}px`;
      await pdfPage.render({ canvas: target, viewport }).promise;
      if (cancelled) return;
      container.replaceChildren();
      await new TextLayer({ textContentSource: await pdfPage.getTextContent(), container, viewport: cssViewport }).render();
      if (cancelled) return;
      markWords(container, words)[0]?.scrollIntoView({ block: 'center' });
    })().catch((error: unknown) => {
      if (cancelled) return;
      console.error('The PDF page could not be shown:', error);
      setFailed(true);
    });
    return () => {
      cancelled = true;
    };
  }, [doc, page, zoom, words]);

  const runFind = async (from: number) => {
    if (!doc || !find.trim()) return;
    setFindState('searching');
    const found = await findPage(doc, find, from);
    setFindState(found ? 'idle' : 'none');
    if (found) {
      setWords([find.trim()]);
      setPage(found);
    }
  };

  if (failed) return <p role="alert">{t('docs.pdf.failed')}</p>;
  const pages = doc?.numPages ?? 0;
  return (
    <section className="docs-pdf" aria-label={title}>
      <div className="docs-pdf__toolbar" role="toolbar" aria-label={t('docs.pdf.toolbar')}>
        <button type="button" className="button button--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('docs.pdf.previous')}
        </button>
        <label className="docs-pdf__page">
          {t('docs.pdf.page')}
          <input
            className="input input--narrow"
            type="number"
            min={1}
            max={pages || 1}
            value={page}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (n >= 1 && n <= pages) setPage(n);
            }}
          />
        </label>
        <span aria-live="polite">{t('docs.pdf.of', { pages })}</span>
        <button type="button" className="button button--small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('docs.pdf.next')}
        </button>
        <button type="button" className="button button--small" aria-label={t('docs.pdf.zoomOut')} disabled={zoom === 0} onClick={() => setZoom(zoom - 1)}>
          −
        </button>
        <span>{Math.round(ZOOMS[zoom]! * 100)}%</span>
        <button type="button" className="button button--small" aria-label={t('docs.pdf.zoomIn')} disabled={zoom === ZOOMS.length - 1} onClick={() => setZoom(zoom + 1)}>
          +
        </button>
        <form
          className="docs-pdf__find"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void runFind(page + (words[0] === find.trim() ? 1 : 0));
          }}
        >
          <label htmlFor="docs-pdf-find">{t('docs.pdf.find')}</label>
          <input id="docs-pdf-find" className="input input--narrow" type="search" value={find} onChange={(e) => setFind(e.target.value)} />
          <button type="submit" className="button button--small" disabled={!find.trim() || findState === 'searching'}>
            {t('docs.pdf.findNext')}
          </button>
          {findState === 'none' && <span role="status">{t('docs.pdf.notFound')}</span>}
        </form>
      </div>
      {!doc && <p>{t('app.loading')}</p>}
      {/* Focusable so that the arrow keys scroll a zoomed page (WCAG 2.1.1). */}
      <div className="docs-pdf__viewport" tabIndex={0} role="group" aria-label={t('docs.pdf.pageView', { page })}>
        <div className="docs-pdf__sheet">
          <canvas ref={canvas} className="docs-pdf__canvas" aria-hidden="true" />
          <div ref={textLayer} className="textLayer docs-pdf__text" data-page={page} />
        </div>
      </div>
    </section>
  );
}
