import { createServer, type Server } from 'node:http';
import type { Settings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { desktopStrings } from '../desktop/desktop-strings';
import { logFailure } from '../logging/log';

export interface LoopbackReceiver {
  redirectUri: string;
  /** Resolves with the query of the first request to the callback path. */
  callback: Promise<URLSearchParams>;
  close(): void;
}

const PAGE = (lang: string, title: string, text: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;margin:15vh auto;max-width:32rem;color:#1f2937}h1{font-size:1.4rem}</style></head>
<body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

/**
 * RFC 8252 section 7.3: the native app listens on a loopback port of its choosing for the
 * authorization response. 127.0.0.1 (not "localhost") so no other interface or resolver is involved.
 */
export async function startLoopbackReceiver(path = '/callback', language: Settings['language'] = 'en'): Promise<LoopbackReceiver> {
  // The page the browser shows when sign-in ends, in the app's language (constant text, nothing from the request).
  const words = desktopStrings(language).signInPage;
  let resolve!: (query: URLSearchParams) => void;
  let reject!: (error: Error) => void;
  const callback = new Promise<URLSearchParams>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  callback.catch(logFailure('sign-in: the loopback redirect was not received', undefined, 'debug')); // a cancelled sign-in nobody awaits is not an unhandled rejection

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, headers).end(PAGE(language, words.notFoundTitle, words.notFoundText));
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(200, headers).end(
      failed
        ? PAGE(language, words.failedTitle, words.failedText)
        : PAGE(language, words.signedInTitle, words.signedInText),
    );
    resolve(url.searchParams);
  });
  server.on('error', (error) => reject(error));
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new AppError('internal', 'The sign-in listener has no port.');

  return {
    redirectUri: `http://127.0.0.1:${address.port}${path}`,
    callback,
    close() {
      reject(new AppError('cancelled', 'Sign-in was cancelled.'));
      server.closeAllConnections();
      server.close();
    },
  };
}
