import DOMPurify from 'dompurify';

export interface SanitizedTopic {
  html: string;
  /** Remote images held back (P3.3): their URLs, loaded only if the user asks. */
  remoteImages: string[];
}

interface Context {
  /** The topic's path inside its library; relative links and images resolve against it. */
  path: string;
  /** Where the library's files are served offline (/docs-assets/<library>/), or null for an online topic. */
  assetBase: string | null;
}

const BASE = 'https://library.invalid/';

/** A page-relative URL as a path inside the library, or null when it is not relative. */
export function libraryPath(topicPath: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  try {
    const resolved = new URL(url, BASE + topicPath);
    return resolved.origin === new URL(BASE).origin ? decodeURIComponent(resolved.pathname.slice(1)) : null;
  } catch {
    return null;
  }
}

/**
 * Sanitizes a topic with DOMPurify (scripts, event handlers, styles, forms, frames, SVG and
 * MathML, javascript: and other schemes removed; ids prefixed so topic markup cannot clobber the
 * app's globals), then rewrites what the reader must control itself:
 * - images: library-relative ones point at the offline asset URL; remote ones are removed and
 *   listed, so nothing is fetched until the user chooses to (P3.3);
 * - links: in-page anchors, links into the library and external links become data attributes that
 *   the reader's click handler routes (external ones through the third-party warning, P7.1).
 */
export function sanitizeTopic(html: string, context: Context): SanitizedTopic {
  const remoteImages: string[] = [];
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      node.removeAttribute('src');
      if (/^https?:\/\//i.test(src)) {
        remoteImages.push(src);
        node.setAttribute('data-remote-src', src);
        node.setAttribute('data-remote-index', String(remoteImages.length - 1));
        node.classList.add('docs-remote-blocked');
      } else {
        const local = libraryPath(context.path, src);
        if (local && context.assetBase) node.setAttribute('src', context.assetBase + local.split('/').map(encodeURIComponent).join('/'));
      }
    }
    // Every element that keeps an href, not only <a>: <area> once slipped past this routing (below,
    // it is now removed outright), and whatever else a DOMPurify update lets keep an href is routed too.
    if (node.hasAttribute('href')) {
      const href = node.getAttribute('href')!;
      node.removeAttribute('href');
      node.removeAttribute('target');
      let routed = true;
      if (href.startsWith('#')) node.setAttribute('data-anchor', href.slice(1));
      else if (/^(https?:|mailto:)/i.test(href)) node.setAttribute('data-external', href);
      else {
        const local = libraryPath(context.path, href);
        if (local) node.setAttribute('data-internal', local + (href.includes('#') ? `#${href.split('#')[1]}` : ''));
        else routed = false;
      }
      // Focusable and announced as a link even though the real target is held in a data attribute.
      if (routed) {
        node.setAttribute('href', '#');
        node.setAttribute('role', 'link');
      }
    }
  });
  const clean = purify.sanitize(html, {
    USE_PROFILES: { html: true },
    // Image maps go: an <area href> is a link the reader's routing did not know, and a map cannot work
    // here anyway (SANITIZE_NAMED_PROPS renames <map name>, so no usemap="#name" matches it).
    FORBID_TAGS: ['style', 'template', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'audio', 'video', 'source', 'picture', 'map', 'area'],
    FORBID_ATTR: ['style', 'srcset', 'ping', 'formaction', 'action', 'background', 'poster', 'xlink:href'],
    SANITIZE_NAMED_PROPS: true,
    ALLOW_DATA_ATTR: false,
  });
  return { html: clean, remoteImages };
}

/** The element id DOMPurify gives an anchor (SANITIZE_NAMED_PROPS prefixes ids). */
export const anchorId = (anchor: string) => `user-content-${anchor}`;
