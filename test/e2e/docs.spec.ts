import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startPreview } from '../../main/preview/start-preview';
import { startApiServer, type ApiServerHandle } from '../../server/app';
import { DEMO_ACCOUNT, seedDemoData } from '../../server/db/seed-demo';
import { XSS_VECTORS } from '../unit/docs/xss-vectors';
import { accessibilityViolations } from './axe';
import { screenshot, signInThroughBrowser } from './preview-fixture';

type Docs = { preview: Awaited<ReturnType<typeof startPreview>>; api: ApiServerHandle; dir: string; log: string[] };

/**
 * The preview against a reference API this file starts itself, so a test can stop it and see the
 * app work offline. Real Chromium, real services, real server: nothing is mocked.
 */
const test = base.extend<object, { docs: Docs }>({
  docs: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructured fixtures argument
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'esd-docs-e2e-'));
      // Seeded after it starts rather than in its onReady hook, whose 10 s limit a busy build machine can exceed.
      const api = await startApiServer({ dbPath: join(dir, 'api.sqlite') });
      await seedDemoData(api.db);
      // The preview's log says what the desktop app would have opened in the system browser.
      const log: string[] = [];
      const preview = await startPreview({ dataDir: join(dir, 'app'), apiUrl: api.url, log: (line) => log.push(line) });
      await use({ preview, api, dir, log });
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

/** Installs a catalogue library through the service (the download and import the Libraries screen starts), once. */
async function install(docs: Docs, libraryId: string): Promise<void> {
  const libraries = docs.preview.services.docs.libraries;
  const state = async () => (await libraries.list()).libraries.find((l) => l.id === libraryId)?.state;
  if ((await state()) === 'installed') return;
  await libraries.install(libraryId);
  await expect.poll(state, { timeout: 60_000 }).toBe('installed');
}

/** Every WCAG 2.1 A/AA rule (axe's best practices at serious or critical) on the documentation screen itself. */
const axeViolations = (page: Page) => accessibilityViolations(page, '.docs');

const searchBox = (page: Page) => page.getByLabel('Search documentation');
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
/** A library id as the catalogue spells it (northwind-router-7-1-en): never text a person should read. */
const LIBRARY_ID = /\b[a-z]+(?:-[a-z0-9]+)+-(?:en|zh)\b/;

// First in the file: nothing is installed yet.
test('first run: an empty Documentation screen leads to Libraries ("Install the manuals for your products")', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documentation' }).click();
  await expect(page.getByText('No manuals are installed on this computer yet.')).toBeVisible();
  await screenshot(page, 'docs-first-run');
  await page.getByRole('link', { name: 'Install the manuals for your products' }).click();
  await expect(page.getByRole('listitem', { name: 'Contoso Storage Array 4.0 Documentation' }).getByRole('button', { name: /^Download/ })).toBeVisible();
});

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

test('bug 3: every hit shows its breadcrumb (library and version > page > section); online hits and bookmarks name their library, never its id', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await install(docs, 'northwind-router-7-1-en');
  await install(docs, 'northwind-router-7-0-en');
  await goTo(page, '#/docs');
  await searchBox(page).fill('parameters');
  const sections = results(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Parameters', exact: true }) });
  await expect(sections.nth(4)).toBeVisible();
  const crumbs = await sections.locator('.docs-hit__crumbs').allTextContents();
  expect(crumbs).toHaveLength(await sections.count());
  // Each says which manual, which version and which page: no two read the same.
  for (const crumb of crumbs) expect(crumb).toMatch(/^Northwind Router OS 7\.[01] Documentation › \S.+$/);
  expect(new Set(crumbs).size).toBe(crumbs.length);
  await screenshot(page, 'docs-search-breadcrumbs');
  expect(await axeViolations(page)).toEqual([]);

  // Online hits (libraries not installed) name their library too.
  await searchBox(page).fill('configuring tenant');
  const online = results(page).getByRole('listitem').filter({ hasText: 'Online' });
  await expect(online.first()).toBeVisible();
  await expect(online.first().locator('.docs-hit__crumbs')).toContainText(/^Fabrikam Cloud Gateway \d\.\d Documentation/);
  expect(await results(page).textContent()).not.toMatch(LIBRARY_ID);

  // An online topic, bookmarked: the reader and the bookmark list show the library's title.
  const title = (await online.first().getByRole('link').first().textContent())!;
  await online.first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.docs-reader__library')).toContainText(/^Fabrikam Cloud Gateway/);
  await page.getByRole('button', { name: 'Bookmark' }).click();
  await expect(page.getByRole('button', { name: 'Bookmarked' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Bookmarks and history' }).click();
  const bookmarks = page.getByRole('list', { name: 'Bookmarks' });
  await expect(bookmarks.getByRole('listitem').filter({ hasText: title })).toContainText(/Fabrikam Cloud Gateway \d\.\d Documentation/);
  expect(await page.locator('.docs-lists').textContent()).not.toMatch(LIBRARY_ID);
});

test('bug 2: Back from a topic restores the search: the query, the library filter and the scroll position live in the URL', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await install(docs, 'northwind-router-7-1-en');
  await goTo(page, '#/docs');
  await searchBox(page).fill('configuring');
  await page.getByText('All libraries').click();
  // A click, not check(): the box follows the URL, which the router updates a moment later.
  await page.getByRole('checkbox', { name: 'Northwind Router OS 7.1 Documentation' }).click();
  await expect(page.getByRole('checkbox', { name: 'Northwind Router OS 7.1 Documentation' })).toBeChecked();
  await expect(page.getByText('1 library selected')).toBeVisible();
  const hits = results(page).getByRole('listitem');
  await expect(hits.nth(20)).toBeVisible();
  await expect.poll(() => page.evaluate('location.hash')).toMatch(/q=configuring.*lib=northwind-router-7-1-en/);
  // Well down the list, then into a topic and Back.
  const target = hits.nth(20).getByRole('link').first();
  await target.scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, 100)');
  const scrolled = (await page.evaluate('Math.round(window.scrollY)')) as number;
  expect(scrolled).toBeGreaterThan(300);
  const href = (await target.getAttribute('href'))!;
  await target.click();
  await expect(page).toHaveURL((url) => url.hash === href);
  await expect(page.locator('.docs-topic h1')).toBeVisible();
  await page.goBack();

  await expect(searchBox(page)).toHaveValue('configuring');
  await expect(page.getByText('1 library selected')).toBeVisible();
  await expect(hits.nth(20)).toBeVisible();
  for (const crumb of await hits.locator('.docs-hit__crumbs').allTextContents()) expect(crumb).toMatch(/^Northwind Router OS 7\.1 Documentation/);
  await expect.poll(() => page.evaluate('Math.round(window.scrollY)')).toBe(scrolled);

  // The same URL opened afresh (a bookmark, a reload) shows the same search.
  await page.reload();
  await expect(searchBox(page)).toHaveValue('configuring');
  await expect(page.getByText('1 library selected')).toBeVisible();
});

test('search guidance: the true count with more on demand, "showing results for" a corrected typo, and what to try when nothing is found', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await install(docs, 'northwind-router-7-1-en');
  await goTo(page, '#/docs');
  await searchBox(page).fill('configuring');
  const status = page.getByRole('status').filter({ hasText: /results in/ });
  // The true total, of which the first page is shown (installed libraries first, then online ones).
  await expect(status).toHaveText(/^Showing (\d+) of (\d+) results in/);
  const [, shown, total] = /Showing (\d+) of (\d+)/.exec((await status.textContent())!)!.map(Number);
  expect(total).toBeGreaterThan(shown!);
  await expect(results(page).getByRole('listitem')).toHaveCount(shown!);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect.poll(() => results(page).getByRole('listitem').count()).toBeGreaterThan(shown!);

  await searchBox(page).fill('configuring bondng ');
  await expect(status).toContainText('Showing results for “configuring bonding”.');
  await expect(results(page).getByRole('listitem').first()).toContainText(/bonding/i);

  // Nothing found, with a library filter: widen the scope, check the words, or ask support.
  await page.getByText('All libraries').click();
  await page.getByRole('checkbox', { name: 'Northwind Router OS 7.1 Documentation' }).click();
  await expect(page.getByText('1 library selected')).toBeVisible();
  await searchBox(page).fill('qqxzv wwkkj');
  const none = page.locator('.docs-no-results');
  await expect(none).toContainText('Nothing found.');
  await expect(none.getByRole('link', { name: 'Open a service request' })).toBeVisible();
  await screenshot(page, 'docs-no-results');
  expect(await axeViolations(page)).toEqual([]);
  await none.getByRole('button', { name: 'Search all libraries' }).click();
  await expect(page.getByText('All libraries')).toBeVisible();
});

test('removing a library asks first, and Keep leaves it installed', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await install(docs, 'northwind-router-7-0-en');
  await goTo(page, '#/docs/libraries');
  const row = page.getByRole('listitem', { name: 'Northwind Router OS 7.0 Documentation' });
  await row.getByRole('button', { name: 'Remove Northwind Router OS 7.0 Documentation' }).click();
  const question = row.getByRole('group', { name: /^Remove Northwind Router OS 7\.0 Documentation from this computer\? This frees / });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Remove from this computer' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await question.getByRole('button', { name: 'Keep it' }).click();
  await expect(question).toBeHidden();
  await expect(row.getByText('Installed, available offline')).toBeVisible();
  await row.getByRole('button', { name: 'Remove Northwind Router OS 7.0 Documentation' }).click();
  await row.getByRole('button', { name: 'Remove from this computer' }).click();
  await expect(row.getByText('Not installed')).toBeVisible();
});

test('the reader: a readable column that uses the width, a collapsible table of contents that keeps the open topic in view, a visibly pressed bookmark, A−/A+ named as they read (WCAG 2.5.3)', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await install(docs, 'northwind-router-7-1-en');
  const toc = (await docs.preview.services.docs.reader.toc('northwind-router-7-1-en')).toc;
  const last = toc[toc.length - 1]!.children!.at(-1)!;
  await goTo(page, `#/docs/read/northwind-router-7-1-en/${last.topicId}`);
  await expect(page.getByRole('heading', { level: 1, name: last.title })).toBeVisible();

  // The open topic is scrolled into the contents' own view.
  const contents = page.locator('#docs-toc-list');
  const current = page.getByRole('navigation', { name: 'Table of contents' }).locator('[aria-current="page"]');
  await expect.poll(async () => {
    const [box, item] = await Promise.all([contents.boundingBox(), current.boundingBox()]);
    return Boolean(box && item && item.y >= box.y && item.y + item.height <= box.y + box.height);
  }).toBe(true);

  // About 75 characters a line beside the contents (it was 460 px), wider still with them hidden.
  const column = page.locator('.docs-reader__main');
  const withToc = (await column.boundingBox())!.width;
  expect(withToc).toBeGreaterThan(560);
  await page.getByRole('button', { name: 'Hide contents' }).click();
  await expect(contents).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show contents' })).toHaveAttribute('aria-expanded', 'false');
  expect((await column.boundingBox())!.width).toBeGreaterThanOrEqual(withToc);
  await page.getByRole('button', { name: 'Show contents' }).click();
  await expect(contents).toBeVisible();

  // Pressed looks pressed: the bookmark button changes its colours, not only its label.
  const bookmark = page.locator('.docs-bookmark');
  const look = () => page.evaluate("getComputedStyle(document.querySelector('.docs-bookmark')).backgroundColor") as Promise<string>;
  const before = await look();
  await bookmark.click();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
  expect(await look()).not.toBe(before);

  await expect(page.getByRole('button', { name: 'A− Smaller text' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'A+ Larger text' })).toBeVisible();
  // label-content-name-mismatch is experimental in axe: asked for by name, with every WCAG rule beside it.
  const mismatch = await new AxeBuilder({ page }).include('.docs-reader').withRules(['label-content-name-mismatch']).analyze();
  expect(mismatch.violations.map((v) => v.id)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  await bookmark.click();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'false');
});

test('bug 4: "Load remote content" with no internet names the host that failed, not the support service, and keeps the retry', async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  // The service answers (the header says Online); the image's host is a third party this machine cannot reach.
  await goTo(page, '#/docs/read/contoso-storage-4-0-en/planning-replication-link');
  await expect(page.getByRole('heading', { level: 1, name: 'Planning replication link' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Connection to the support service' }).getByText('Online', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Load remote content for this topic' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'tracker.example.net could not be reached' });
  await expect(failure).toBeVisible();
  await expect(page.getByText('The support service cannot be reached')).toHaveCount(0);
  await expect(failure.getByRole('button', { name: 'Try loading the remote content again' })).toBeVisible();
  await failure.getByRole('button', { name: 'Try loading the remote content again' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'tracker.example.net could not be reached' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try loading the remote content again' })).toBeVisible();
});

test("links to the vendor's own support site open without the third-party warning; a partner's still ask", async ({ page, context, docs }) => {
  await openSignedIn(page, context, docs.preview.url);
  await goTo(page, '#/docs/read/contoso-storage-4-0-en/planning-replication-link');
  await expect(page.getByRole('heading', { level: 1, name: 'Planning replication link' })).toBeVisible();
  await page.locator('.docs-topic').getByRole('link', { name: 'knowledge base' }).click();
  await expect.poll(() => docs.log.join('\n')).toContain('The app would open in the system browser: https://support.example.com/kb/planning-replication-link');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('.docs-topic').getByRole('link', { name: 'partner guide' }).click();
  await expect(page.getByRole('dialog', { name: 'Leave the app for another site?' })).toBeVisible();
  await page.getByRole('button', { name: 'Stay here' }).click();
  expect(docs.log.join('\n')).not.toContain('partner.example.org');
});

test("bug 9: the README's Chinese search examples work on the demo data in the app, and favicon.ico is served", async ({ page, context, docs }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await openSignedIn(page, context, docs.preview.url);
  const icon = await page.request.get(new URL('/favicon.ico', docs.preview.url).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');

  await install(docs, 'contoso-storage-4-0-zh');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const paragraph = readme.slice(readme.indexOf('**Chinese and Japanese**'), readme.indexOf('shared/cjk-text.ts'));
  const [found, apart] = [...paragraph.matchAll(/`(\p{Script=Han}+)`/gu)].map((m) => m[1]!);
  await goTo(page, '#/docs');
  await searchBox(page).fill(found!);
  await expect(results(page).locator('mark').filter({ hasText: found! }).first()).toBeVisible();
  await searchBox(page).fill(apart!);
  await expect(page.locator('.docs-no-results')).toContainText('Nothing found.');
  expect(missing).toEqual([]);
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
