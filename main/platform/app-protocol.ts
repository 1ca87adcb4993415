import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { rendererSecurityHeaders } from '../security/csp';
import { mimeType, resolveInside } from '../security/static-files';
import { DOCS_ASSET_PREFIX, docsAssetHeaders, type DocsAssetResolver } from '../services/docs/asset-headers';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before the app is ready: a standard, secure scheme so the renderer gets a real origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `root`, with the CSP header, refusing any path outside `root`. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string, docsAssets?: DocsAssetResolver): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    // Documentation images: the docs service maps the path into the library's folder (traversal-checked).
    if (docsAssets && url.host === APP_HOST && url.pathname.startsWith(DOCS_ASSET_PREFIX)) {
      const asset = await docsAssets(url.pathname);
      // As below: a file that vanished between the lookup and the read is "not found", not a failed handler.
      const body = asset ? await readFile(asset.file).catch(() => null) : null;
      return asset && body ? new Response(body, { headers: docsAssetHeaders(asset.type) }) : new Response('Not found', { status: 404 });
    }
    const file = url.host === APP_HOST ? await resolveInside(root, url.pathname) : null;
    // A folder (app://bundle/assets) or a file that vanished is "not found", never a failed handler.
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('Not found', { status: 404, headers: rendererSecurityHeaders() });
    return new Response(body, { headers: { 'Content-Type': mimeType(file), ...rendererSecurityHeaders() } });
  });
}
