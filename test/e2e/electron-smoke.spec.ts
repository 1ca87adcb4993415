import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { rendererCsp } from '../../main/security/csp';

/**
 * The Electron binary cannot be downloaded on our build machines. Find it without triggering the
 * download that require('electron') would start: path.txt names it inside node_modules/electron/dist.
 */
function electronBinary(): string | null {
  const dir = join('node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * The real app, where an Electron binary exists (ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist;
 * never on our build machines, where this reports itself skipped). It signs in through the real
 * loopback flow: the app's request to open the system browser is caught in the main process, the
 * sign-in page is completed in a real Chromium, and its redirect reaches the app's one-time
 * listener on 127.0.0.1. Then every screen, the renderer's sandbox and CSP, and a clean quit.
 */
test('the Electron app signs in through the loopback flow, opens every screen with a sandboxed renderer under its CSP, and quits cleanly', async ({ browser }) => {
  test.setTimeout(180_000);
  const binary = electronBinary();
  if (!binary) console.log('skipped: no Electron binary');
  test.skip(!binary, 'skipped: no Electron binary');
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  const window = await app.firstWindow();
  expect(window.url()).toMatch(/^app:\/\/bundle\//);

  // The renderer's isolation, as the main process configured it and as the page sees it.
  // getAppMetrics reports the OS-level sandbox of each renderer process on macOS and Windows.
  const renderers = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const pid = BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId();
    return electronApp.getAppMetrics().filter((metric) => metric.pid === pid).map((metric) => metric.sandboxed);
  });
  if (process.platform === 'darwin' || process.platform === 'win32') expect(renderers).toEqual([true]);
  expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  expect(await window.evaluate(() => typeof (globalThis as { support?: unknown }).support)).toBe('object');

  // The CSP the app:// protocol sends, and page code refused eval under it.
  const csp = await app.evaluate(async ({ net }) => (await net.fetch('app://bundle/index.html')).headers.get('content-security-policy'));
  expect(csp).toBe(rendererCsp());
  const evalRan = await window.evaluate(`new Promise((resolve) => setTimeout(() => { try { resolve((0, eval)('true')); } catch { resolve(false); } }, 0))`);
  expect(evalRan).toBe(false);

  // Sign in: catch the system-browser call in the main process, complete the page in real Chromium.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { __opened?: string[] }).__opened = opened;
    shell.openExternal = async (url: string) => void opened.push(url);
  });
  await window.getByRole('button', { name: 'Sign in with your browser' }).click();
  await expect.poll(() => app.evaluate(() => ((globalThis as { __opened?: string[] }).__opened ?? []).length)).toBe(1);
  const authorizeUrl = await app.evaluate(() => (globalThis as { __opened?: string[] }).__opened![0]!);
  expect(authorizeUrl).toMatch(/\/oauth\/authorize\?.*code_challenge_method=S256/);
  const demo = await window.evaluate(() => (globalThis as unknown as { support: { app: { info(): Promise<{ ok: boolean; value: { demoAccount?: { email: string; password: string } } }> } } }).support.app.info());
  const account = demo.value.demoAccount!;
  const signInPage = await browser.newPage();
  await signInPage.goto(authorizeUrl);
  await signInPage.getByLabel('E-mail').fill(account.email);
  await signInPage.getByLabel('Password').fill(account.password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.getByRole('heading', { name: 'You are signed in' })).toBeVisible();
  await signInPage.close();

  // Every screen of the main navigation opens and shows its heading.
  const nav = window.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible({ timeout: 30_000 });
  for (const screen of ['Documentation', 'Software', 'Service requests', 'My data', 'Settings', 'Profile']) {
    await nav.getByRole('link', { name: screen }).click();
    await expect(window.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/bundle\//);
  }

  // Quit as a user would: the services stop in order and the process exits with 0.
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
  await app.evaluate(({ app: electronApp }) => electronApp.quit());
  expect(await exited).toBe(0);
});
