import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../main/platform/app-protocol';
import { mimeType, resolveInside } from '../../main/security/static-files';

// The app:// handler end to end, with a fake `protocol` that records what main registers: URL
// parsing, host check, path resolution and headers together (test/unit/security/static-files.test.ts
// covers resolveInside alone).
const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
mkdirSync(join(base, 'outside'));
writeFileSync(join(base, 'secret.txt'), 'SECRET');
writeFileSync(join(base, 'outside', 'secret.txt'), 'SECRET');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
symlinkSync(join(base, 'outside'), join(root, 'assets', 'linked-dir'));
const library = join(base, 'docs', '1');
mkdirSync(join(library, 'images'), { recursive: true });
writeFileSync(join(library, 'images', 'logo.png'), 'png');
afterAll(() => rmSync(base, { recursive: true, force: true }));

let handler: ((request: Request) => Promise<Response>) | undefined;
serveRenderer({ handle: (scheme: string, h: typeof handler) => void (expect(scheme).toBe('app'), (handler = h)) } as never, root);
const get = (url: string) => handler!(new Request(url));

describe('the app:// protocol (checklist 18: a custom protocol instead of file://)', () => {
  it('is registered as a standard secure scheme and nothing more (no CSP bypass, no CORS, no service workers)', () => {
    let schemes: unknown;
    registerAppScheme({ registerSchemesAsPrivileged: (s: unknown) => void (schemes = s) } as never);
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with its CSP and security headers on every file', async () => {
    for (const url of ['app://bundle/', 'app://bundle/index.html', 'app://bundle/assets/app.js']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await get('app://bundle/assets/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/assets/%252e%252e/%252e%252e/secret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets/link.txt',
    'app://bundle/assets/linked-dir/secret.txt',
    'app://bundle/index.html%00.js',
    'app://other-host/index.html',
    'app://bundle.evil/index.html',
    'app://bundle/assets',
    'app://bundle/assets/',
  ])('refuses %s with 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('never serves a file outside the renderer folder, whatever path is asked for', async () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%252e%252e', '..%2f', '%2f', '%5c', '..%5c', '%00', 'assets', 'linked-dir', 'link.txt', 'secret.txt', 'outside', 'index.html', '', '//');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 8 }), async (segments) => {
        const response = await get(`app://bundle/${segments.join('/')}`);
        expect([200, 404]).toContain(response.status);
        expect(response.headers.get('content-security-policy')).toBeTruthy();
        expect(await response.text()).not.toContain('SECRET');
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('documentation images through app:// (attack finding 3: a folder made the handler fail)', () => {
  let docsHandler: ((request: Request) => Promise<Response>) | undefined;
  // The docs service's resolver, reduced to its last step: resolveInside over the library's folder.
  const libraryResolver = async (path: string) => {
    const file = await resolveInside(library, path.replace(/^\/docs-assets\/lib/, ''));
    return file ? { file, type: mimeType(file) } : null;
  };
  serveRenderer({ handle: (_scheme: string, h: typeof docsHandler) => void (docsHandler = h) } as never, root, libraryResolver);

  it.each(['app://bundle/docs-assets/lib/images/', 'app://bundle/docs-assets/lib/images', 'app://bundle/docs-assets/lib/'])('answers 404 for the folder %s', async (url) => {
    expect((await docsHandler!(new Request(url))).status).toBe(404);
  });

  it('answers 404, not a failed handler, when the resolver hands over something that cannot be read', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    serveRenderer({ handle: (_scheme: string, h: typeof handler) => void (handler = h) } as never, root, async () => ({ file: join(library, 'images'), type: 'image/png' }));
    expect((await handler!(new Request('app://bundle/docs-assets/lib/images/logo.png'))).status).toBe(404);
  });

  it('still serves the image itself', async () => {
    const response = await docsHandler!(new Request('app://bundle/docs-assets/lib/images/logo.png'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('png');
  });
});
