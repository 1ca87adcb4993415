/**
 * Headers for a library's offline images, in the app and in the preview. The sandbox CSP means an
 * SVG opened on its own (not as an <img>) still cannot run a script in the app's origin.
 */
export function docsAssetHeaders(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

export const DOCS_ASSET_PREFIX = '/docs-assets/';
export type DocsAssetResolver = (urlPath: string) => Promise<{ file: string; type: string } | null>;
