import { forwardRef, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicView } from '../../../shared/contract/docs-contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { docsApi } from './docs.api';
import { anchorId, sanitizeTopic } from './sanitize-topic';

type Props = {
  topic: TopicView;
  /** Remote content loads without asking (the user's setting); otherwise per topic, on request (P3.3). */
  loadRemoteByDefault: boolean;
  onInternalLink: (path: string, anchor: string | null) => void;
  onExternalLink: (url: string) => void;
};

/**
 * The topic's HTML, sanitized by DOMPurify before it reaches the DOM. Links are routed here:
 * in-page anchors scroll, library links open the topic, external links go to the warning.
 */
export const TopicContent = forwardRef<HTMLDivElement, Props>(function TopicContent({ topic, loadRemoteByDefault, onInternalLink, onExternalLink }, ref) {
  const { t } = useTranslation();
  const clean = useMemo(() => sanitizeTopic(topic.html, { path: topic.path, assetBase: topic.assetBase }), [topic.html, topic.path, topic.assetBase]);
  const [allowRemote, setAllowRemote] = useState(loadRemoteByDefault);
  const [remoteError, setRemoteError] = useState<unknown>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!allowRemote || !container) return;
    let cancelled = false;
    for (const image of container.querySelectorAll<HTMLImageElement>('img[data-remote-index]')) {
      const url = clean.remoteImages[Number(image.dataset.remoteIndex)];
      if (!url) continue;
      docsApi.remoteImage(url).then(
        ({ dataUrl }) => {
          if (!cancelled) image.src = dataUrl;
        },
        (error: unknown) => !cancelled && setRemoteError(error),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [allowRemote, clean, container]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    // Any link-like element, not only <a>: the browser must never follow a topic's link on its own.
    const link = (event.target as HTMLElement).closest<HTMLElement>('a, area, [href]');
    if (!link) return;
    event.preventDefault();
    const { anchor, internal, external } = link.dataset;
    if (anchor) document.getElementById(anchorId(anchor))?.scrollIntoView();
    else if (internal) {
      const [path, hash] = internal.split('#');
      onInternalLink(path!, hash ?? null);
    } else if (external) onExternalLink(external);
  };

  return (
    <>
      {clean.remoteImages.length > 0 && !allowRemote && (
        <div className="notice docs-remote">
          <p>{t('docs.reader.remoteBlocked', { count: clean.remoteImages.length })}</p>
          <button type="button" className="button button--small" onClick={() => setAllowRemote(true)}>
            {t('docs.reader.loadRemote')}
          </button>
        </div>
      )}
      {remoteError !== null && <ErrorAlert error={remoteError} title={t('docs.reader.remoteFailed')} />}
      <div
        ref={(node) => {
          setContainer(node);
          if (typeof ref === 'function') ref(node);
          else if (ref) ref.current = node;
        }}
        className="docs-topic"
        lang={topic.language}
        onClick={onClick}
        dangerouslySetInnerHTML={{ __html: clean.html }}
      />
    </>
  );
});
