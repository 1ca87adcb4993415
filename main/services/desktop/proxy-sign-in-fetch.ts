import type { FetchLike } from '../api/api-client';

/**
 * Electron's session.fetch does not raise the 'login' event for an authenticating proxy
 * (electron/electron#44249): it returns the proxy's 407. So on a 407 we authenticate once through
 * a path that can answer the challenge (net.request's 'login' in the app), which leaves the
 * credentials in the session's auth cache, then repeat the request. Only bodies that can be sent
 * twice (strings, buffers, form data, none) are repeated.
 */
export function withProxySignIn(fetch: FetchLike, authenticate: (url: string) => Promise<boolean>): FetchLike {
  let signingIn: Promise<boolean> | null = null;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status !== 407 || !repeatable(init?.body)) return response;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    // Requests that fail together wait for one sign-in, so the user sees one prompt.
    signingIn ??= authenticate(url).finally(() => (signingIn = null));
    if (!(await signingIn)) return response;
    await response.body?.cancel();
    return fetch(input, init);
  };
}

function repeatable(body: RequestInit['body']): boolean {
  return body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || body instanceof FormData;
}
