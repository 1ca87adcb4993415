/**
 * The renderer's Content-Security-Policy, sent as a response header by the app protocol (and by the
 * browser preview). No inline script or style, no eval, no remote anything: the renderer talks to
 * the world only through the bridge. `extraConnect` exists for the preview's loopback socket.
 */
export function rendererCsp(extraConnect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extraConnect.map((source) => ` ${source}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}

/** Headers every renderer response carries, in the app and in the preview. */
export function rendererSecurityHeaders(extraConnect: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': rendererCsp(extraConnect),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
