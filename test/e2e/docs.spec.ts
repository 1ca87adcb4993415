import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startPreview } from '../../main/preview/start-preview';
import { startApiServer, type ApiServerHandle } from '../../server/app';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import { XSS_VECTORS } from '../unit/docs/xss-vectors';
import { screenshot, signInThroughBrowser } from './preview-fixture';

type Docs = { preview: Awaited<ReturnType<typeof startPreview>>; api: ApiServerHandle; dir: string };

/**
 * The preview against a reference API this file starts itself, so a test can stop it and see the
 * app work offline. Real Chromium, real services, real server: nothing is mocked.
 */
const test = base.extend<object, { docs: Docs }>({
  docs: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructured fixtures argument
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'esd-docs-e2e-'));
      const api = await startApiServer({ dbPath: join(dir, 'api.sqlite'), seedDemoData: true });
      const preview = await startPreview({ dataDir: join(dir, 'app'), apiUrl: api.url });
      await use({ preview, api, dir });
      await preview.close();
      await api.close().catch(() => undefined);
    },
    { scope: 'worker' },
  ],
});

/** Runs in the page (a string, because the test project has no DOM types): what a sanitizer must never let through. */
const DANGEROUS_MARKUP = `(root) => {
  const found = [];
  root.querySelectorAll('script, iframe, frame, object, embed, form, input, button, base, meta, link, style, svg, math, template, portal, map, area').forEach((el) => found.push(el.tagName));
  root.querySelectorAll('*').forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || ['style', 'srcset', 'ping', 'formaction'].includes(attr.name)) found.push(el.tagName + '[' + attr.name + ']');
      if (/^\\s*(javascript|vbscript|data:text)/i.test(attr.value)) found.push(el.tagName + '[' + attr.name + '=' + attr.value.slice(0, 20) + ']');
    }
  });
  return found;
}`;
const goTo = (page: Page, hash: string) => page.evaluate(`location.hash = ${JSON.stringify(hash)}`);

/** The preview's session lives in main and outlives a test: sign in only when the app asks for it. */
async function openSignedIn(page: Page, context: BrowserContext, url: string): Promise<void> {
  await page.goto(url);
  const signIn = page.getByRole('button', { name: 'Sign in with your browser' });
  await expect(signIn.or(page.getByRole('button', { name: 'Sign out' }))).toBeVisible();
  if (await signIn.isVisible()) await signInThroughBrowser(page, context, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
}

test('XSS: 100+ known vectors rendered by the reader in Chromium, with the CSP bypassed, none executes', async ({ browser, docs }) => {
  test.setTimeout(180_000); // 135 topics, each opened, hovered and clicked through
  expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
  const folder = join(docs.dir, 'xss-manual');
  mkdirSync(folder, { recursive: true });
  XSS_VECTORS.forEach((vector, i) => {
    const n = String(i).padStart(3, '0');
    writeFileSync(join(folder, `v${n}.html`), `<html><head><title>Vector ${n}</title></head><body><h1>Vector ${n}</h1><div>${vector}</div><p id="end-${n}">end</p></body></html>`);
  });
  await docs.preview.services.docs.importLocal({ kind: 'folder', dir: folder, libraryId: 'xss-vectors-local' });

  // Only the sanitizer stands between the vectors and the page: the CSP would hide a sanitizer bug.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const executed: string[] = [];
  page.on('dialog', (dialog) => {
    executed.push(dialog.message());
    void dialog.dismiss();
  });
  const outbound: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(docs.preview.url).origin) && !request.url().startsWith('data:')) outbound.push(request.url());
  });
  await openSignedIn(page, context, docs.preview.url);
  for (let i = 0; i < XSS_VECTORS.length; i++) {
    const n = String(i).padStart(3, '0');
    await goTo(page, `#/docs/read/xss-vectors-local/v${n}`);
    const topic = page.locator('.docs-topic');
    await expect(topic.getByRole('heading', { name: `Vector ${n}` })).toBeVisible();
    // Hover, focus and click everything a user might touch, then inspect what reached the DOM.
    for (const element of await topic.locator('a, img, details').all()) {
      await element.hover({ timeout: 100, force: true }).catch(() => undefined);
    }
    const links = topic.locator('a');
    for (const link of await links.all()) await link.click({ timeout: 200, force: true, noWaitAfter: true }).catch(() => undefined);
    if (!page.url().includes(`/docs/read/xss-vectors-local/v${n}`)) await goTo(page, `#/docs/read/xss-vectors-local/v${n}`);
    const dangerous = (await page.evaluate(`(${DANGEROUS_MARKUP})(document.querySelector('.docs-topic'))`)) as string[];
    expect(dangerous, `vector ${n}: ${XSS_VECTORS[i]}`).toEqual([]);
  }
  expect(await page.evaluate('typeof window.support')).toBe('object'); // not clobbered
  expect(executed).toEqual([]);
  expect(outbound).toEqual([]);
  await context.close();
});

test('remote images stay blocked until the user asks (P3.3); external links go through the third-party warning (P7.1); a topic carries its language', async ({ page, context, docs }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openSignedIn(page, context, docs.preview.url);
  await goTo(page, '#/docs/read/contoso-storage-4-0-en/planning-replication-link');
  await expect(page.getByRole('heading', { level: 1, name: 'Planning replication link' })).toBeVisible();
  await expect(page.getByText('1 remote image was blocked to protect your privacy.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load remote content for this topic' })).toBeVisible();
  expect(requests.some((url) => url.includes('tracker.example.net'))).toBe(false);

  await page.locator('.docs-topic').getByRole('link', { name: 'partner guide' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave the app for another site?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('partner.example.org');
  await screenshot(page, 'docs-external-link');
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  await expect(dialog).toBeHidden();

  // A topic is marked with its library's language, so a Chinese page gets Chinese fonts and voices.
  await expect(page.locator('.docs-topic')).toHaveAttribute('lang', 'en');
  await goTo(page, '#/docs/read/contoso-storage-4-0-zh/creating-snapshot');
  await expect(page.getByRole('heading', { level: 1, name: '创建快照' })).toBeVisible();
  await expect(page.locator('.docs-topic')).toHaveAttribute('lang', 'zh-CN');
});

test('an image map in a topic cannot take the app to another site: its <area href> is removed, a click on the picture stays in the reader (attack finding 4)', async ({ page, context, docs }) => {
  const folder = join(docs.dir, 'area-manual');
  mkdirSync(join(folder, 'images'), { recursive: true });
  // A real 1x1 PNG, drawn 200x100, with an image map whose one area covers all of it.
  writeFileSync(join(folder, 'images', 'plan.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  writeFileSync(
    join(folder, 'plan.html'),
    '<html><head><title>Site plan</title></head><body><h1>Site plan</h1><img src="images/plan.png" alt="Site plan" usemap="#user-content-plan" width="200" height="100"><map name="plan"><area shape="rect" coords="0,0,200,100" href="https://evil.example/take-over" alt="Take over"></map></body></html>',
  );
  await docs.preview.services.docs.importLocal({ kind: 'folder', dir: folder, libraryId: 'area-manual-local' });
  const outbound: string[] = [];
  page.on('request', (request) => void (request.url().includes('evil.example') && outbound.push(request.url())));

  await openSignedIn(page, context, docs.preview.url);
  await goTo(page, '#/docs/read/area-manual-local/plan');
  const topic = page.locator('.docs-topic');
  await expect(topic.getByRole('heading', { name: 'Site plan' })).toBeVisible();
  // Where the area was: Playwright waits for a navigation the click starts, so one would show below.
  await topic.getByRole('img', { name: 'Site plan' }).click({ position: { x: 100, y: 50 } });
  expect(outbound).toEqual([]);
  expect(new URL(page.url()).origin).toBe(new URL(docs.preview.url).origin);
  await expect(topic.getByRole('heading', { name: 'Site plan' })).toBeVisible();
  await expect(topic.locator('map, area')).toHaveCount(0);
});

// Last in the file: it stops the API this worker shares.
test('download a library, go offline (stop the API), search with a typo, open a topic, follow an internal link, bookmark it, and give feedback that is sent once back online (P2.1)', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documentation' }).click();
  await page.getByRole('link', { name: 'Libraries' }).click();

  const row = page.getByRole('listitem', { name: 'Contoso Storage Array 4.0 Documentation' });
  await row.getByRole('button', { name: /^Download/ }).click();
  await expect(row.getByText('Installed, available offline')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText(/on disk/)).toBeVisible();
  await screenshot(page, 'docs-libraries');

  // Offline: the API is gone; the library still searches and reads from the local database.
  await docs.api.close();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search documentation').fill('creating snapshto');
  const result = page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'Creating snapshot' });
  await expect(result).toBeVisible();
  await expect(page.getByText(/Installed libraries only/)).toBeVisible();
  await expect(page.locator('.docs-hit mark').first()).toBeVisible();
  await screenshot(page, 'docs-search');
  await result.first().click();

  await expect(page.getByRole('heading', { level: 1, name: 'Creating snapshot' })).toBeVisible();
  // The figure comes from the library's own files, served offline by the preview (the app protocol in Electron).
  const figure = page.locator('.docs-topic figure img');
  await expect(figure).toHaveJSProperty('complete', true);
  expect(await page.evaluate("document.querySelector('.docs-topic figure img').naturalWidth")).toBeGreaterThan(0);
  await expect(page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Creating snapshot' })).toHaveAttribute('aria-current', 'page');
  await screenshot(page, 'docs-reader');

  // Find in page counts matches.
  await page.getByLabel('Find in page').fill('snapshot');
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();

  // An internal link opens the other topic of the same library, offline.
  const seeAlso = page.locator('.docs-topic p', { hasText: 'See also' }).getByRole('link').first();
  const target = (await seeAlso.textContent())!;
  await seeAlso.click();
  await expect(page.getByRole('heading', { level: 1, name: target })).toBeVisible();

  await page.getByRole('button', { name: 'Bookmark' }).click();
  await expect(page.getByRole('button', { name: 'Bookmarked' })).toHaveAttribute('aria-pressed', 'true');

  // P2.1 Feedback written offline is kept, then sent once when the service is back. Meanwhile the
  // vendor withdrew "Creating snapshot": feedback on it is refused, and the user is told why.
  const kept = `Offline e2e ${Date.now()}: the see-also list is useful`;
  await giveFeedback(page, kept);
  await page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Creating snapshot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Creating snapshot' })).toBeVisible();
  await giveFeedback(page, 'Offline e2e: figure 2 is too small');
  const dbPath = join(docs.dir, 'api.sqlite');
  const serverDb = new Database(dbPath);
  serverDb.prepare("DELETE FROM doc_topics WHERE library_id = 'contoso-storage-4-0-en' AND title = 'Creating snapshot'").run();
  serverDb.close();
  const back = await startApiServer({ dbPath, port: Number(new URL(docs.api.url).port) });
  try {
    await page.getByRole('button', { name: 'Check again' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'was not accepted by the service: This topic was not found.' });
    await expect(refused).toBeVisible();
    await expect.poll(() => back.db.prepare('SELECT count(*) FROM doc_feedback WHERE comment = ?').pluck().get(kept)).toBe(1);
    await refused.getByRole('button', { name: 'Dismiss' }).click();
    await expect(refused).toBeHidden();
  } finally {
    await back.close();
  }

  await page.getByRole('link', { name: 'Bookmarks and history' }).click();
  await expect(page.getByRole('list', { name: 'Bookmarks' }).getByRole('link', { name: target })).toBeVisible();
});

/** "Was this page helpful?" No, with a comment, while offline: kept on this computer. */
async function giveFeedback(page: Page, comment: string): Promise<void> {
  const feedback = page.getByRole('region', { name: 'Was this page helpful?' });
  await feedback.getByRole('button', { name: 'No', exact: true }).click();
  await feedback.getByLabel('Comment (optional)').fill(comment);
  await expect(feedback.getByText('You are offline: your feedback will be saved on this computer')).toBeVisible();
  await feedback.getByRole('button', { name: 'Send feedback' }).click();
  await expect(feedback.getByText('Saved on this computer; it will be sent when you are back online.')).toBeVisible();
}
