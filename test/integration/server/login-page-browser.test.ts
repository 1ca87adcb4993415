import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { authorizeParams, authorizeUrl, createPkce, exchangeCode } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from './helpers';

// Real Chromium enforces the page's CSP (form-action applies to the redirect after the POST), which fetch does not.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/** A stand-in for the desktop app's loopback listener (RFC 8252 7.3). */
async function startCallback(host: string): Promise<{ server: Server; redirectUri: string; received: Promise<URL> }> {
  let resolve!: (url: URL) => void;
  const received = new Promise<URL>((r) => (resolve = r));
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end('Signed in. You can close this window.');
    resolve(new URL(request.url ?? '/', 'http://placeholder'));
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const { port } = server.address() as AddressInfo;
  return { server, redirectUri: `http://${host.includes(':') ? `[${host}]` : host}:${port}/callback`, received };
}

// On CI Chromium is always installed, so a missing one fails there instead of skipping.
describe.skipIf(!hasChromium && !process.env.CI)(`the sign-in page in Chromium (${CHROMIUM})`, () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it.each(['127.0.0.1', '::1'])('signs in with the keyboard alone and reaches the app on %s', async (host) => {
    const callback = await startCallback(host);
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    try {
      const { verifier, challenge } = createPkce();
      const params = authorizeParams(challenge, { redirect_uri: callback.redirectUri });
      await page.goto(authorizeUrl(api.url, params));
      // The e-mail field takes focus on load (autofocus may land after the load event); Tab moves to the password; Enter submits.
      await page.locator('#email:focus').waitFor({ timeout: 5_000 });
      await page.keyboard.type(DEMO_ACCOUNT.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_ACCOUNT.password);
      await page.keyboard.press('Enter');
      const url = await Promise.race([
        callback.received,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`No redirect reached the app. CSP: ${violations.join(' | ')}`)), 10_000)),
      ]);
      expect(url.searchParams.get('state')).toBe(params.state);
      const response = await exchangeCode(api.url, { code: url.searchParams.get('code')!, verifier, redirectUri: callback.redirectUri });
      expect(response.status).toBe(200);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
      callback.server.close();
    }
  });

  it('shows the wrong-password message in the page and keeps the e-mail', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(authorizeUrl(api.url, authorizeParams(createPkce().challenge)));
      await page.getByLabel('E-mail').fill(DEMO_ACCOUNT.email);
      await page.getByLabel('Password').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('E-mail or password is wrong.');
      expect(await page.getByLabel('E-mail').inputValue()).toBe(DEMO_ACCOUNT.email);
    } finally {
      await page.close();
    }
  });
});
