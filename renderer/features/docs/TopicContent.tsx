import { forwardRef, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicView } from '../../../shared/contract/docs-contract';
import { isBridgeError } from '../../app/bridge';
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
  // Each try loads the images again (the retry after a failure); failures are kept per host, because
  // they are a third party's hosts, not the support service the header's status is about.
  const [attempt, setAttempt] = useState(0);
  const [failures, setFailures] = useState<RemoteFailure[]>([]);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!allowRemote || !container) return;
    let cancelled = false;
    setFailures([]);
    for (const image of container.querySelectorAll<HTMLImageElement>('img[data-remote-index]')) {
      const url = clean.remoteImages[Number(image.dataset.remoteIndex)];
      if (!url) continue;
      docsApi.remoteImage(url).then(
        ({ dataUrl }) => {
          if (!cancelled) image.src = dataUrl;
        },
        (error: unknown) => !cancelled && setFailures((old) => [...old, { host: new URL(url).host, unreachable: isUnreachable(error) }]),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [allowRemote, clean, container, attempt]);

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
      {failures.length > 0 && (
        <div className="alert docs-remote" role="alert">
          {failures.some((f) => f.unreachable) && <p>{t('docs.reader.remoteUnreachable', { hosts: hostList(failures.filter((f) => f.unreachable)) })}</p>}
          {failures.some((f) => !f.unreachable) && <p>{t('docs.reader.remoteRefused', { hosts: hostList(failures.filter((f) => !f.unreachable)) })}</p>}
          <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
            {t('docs.reader.remoteRetry')}
          </button>
        </div>
      )}
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

type RemoteFailure = { host: string; unreachable: boolean };

/** No answer at all (no internet, a firewall, DNS), as opposed to an answer that was not an image. */
const isUnreachable = (error: unknown) => !isBridgeError(error) || error.code === 'offline' || error.code === 'timeout';

const hostList = (failures: RemoteFailure[]) => [...new Set(failures.map((f) => f.host))].join(', ');
