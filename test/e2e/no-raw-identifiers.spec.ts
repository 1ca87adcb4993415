import type { Page } from '@playwright/test';
import { installLibrary, sentRequest } from './demo-content';
import { expect, signInThroughBrowser, test } from './preview-fixture';

// Issue 13, "a walk through every task finds no raw identifier on screen": every main screen (and the
// screens a task leads to: search results, a topic, a request's conversation, each privacy section) in
// English and in Chinese, read as a person reads it. Fails on text shaped like an identifier: camelCase
// field names (deviceSerial), snake_case table names (docs_pairs), policy codes (P1.4) and kebab-case
// ids (northwind-router-7-1-en). Real Chromium through the preview, the demo account's data.

const LANGUAGES = ['en', 'zh-CN'] as const;
const LIBRARY = 'northwind-router-7-1-en';
type Preview = Parameters<Parameters<typeof test>[2]>[0]['preview'];

/**
 * Identifier-shaped words in the visible text of the page, with the pattern each matched. Left out:
 * what the user or the vendor wrote rather than the app (document text and snippets, code samples,
 * form values), and names that are meant to be read as they are: file names, addresses, e-mails.
 * Page script as a string: this project is typed for Node, not the DOM.
 */
async function rawIdentifiers(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const skip = 'pre, code, kbd, samp, textarea, input, select, .docs-topic, .docs-hit__snippet, .thread__body, script, style';
    const patterns = [
      ['camelCase', /^[a-z]+[A-Z][A-Za-z]*$/],
      ['snake_case', /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/],
      ['policy code', /^P\\d+\\.\\d+$/],
      ['kebab-case id', /^[a-z][a-z0-9]*(-[a-z0-9]+){2,}$/],
    ];
    // English words that are hyphenated, not identifiers.
    const english = new Set(['up-to-date', 'out-of-date', 'end-to-end', 'day-to-day', 'state-of-the-art', 'one-to-one']);
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
      for (const raw of node.textContent.split(/[\\s,;:()\\[\\]{}“”"'«»，。；：（）、]+/)) {
        const word = raw.replace(/^[.…!?]+|[.…!?]+$/g, '');
        if (!word || word.includes('@') || word.includes('/') || /\\.[a-z][a-z0-9]{0,3}$/i.test(word) || english.has(word.toLowerCase())) continue;
        for (const [name, pattern] of patterns) if (pattern.test(word)) found.add(name + ': ' + word);
      }
    }
    return [...found];
  })()`)) as string[];
}

async function signedIn(page: Page, context: Parameters<typeof signInThroughBrowser>[1], preview: Preview) {
  if (preview.services.session.get().status === 'signed-in') return;
  preview.services.settings.update({ language: 'en' });
  await page.goto(preview.url);
  await signInThroughBrowser(page, context, preview.demoAccount!.email, preview.demoAccount!.password);
}

test.afterAll(({ preview }) => void preview.services.settings.update({ language: 'en', theme: 'system' }));

test('a walk through every main screen in English and Chinese finds no field name, table name, policy code or id on screen', async ({ page, context, preview }) => {
  test.setTimeout(240_000);
  await signedIn(page, context, preview);
  await installLibrary(preview, LIBRARY);
  // Records on every privacy section: a consent receipt, an objection, an export.
  await preview.services.privacy.setConsent({ kind: 'analytics', granted: true });
  await preview.services.privacy.createRequest({ kind: 'object', purpose: 'legal-compliance' });
  const hit = (await preview.services.docs.search({ query: 'configuring', limit: 1, includeOnline: false })).hits[0]!;
  const ticket = await sentRequest(preview, 'Fans at full speed after the upgrade');
  // Each screen with what shows that its data arrived (a heading alone can come before the records).
  const screens: Array<[string, string]> = [
    ['/docs', 'main h1'],
    ['/docs?q=configuring', '.docs-hits li'],
    ['/docs/libraries', 'main li, main tr'],
    ['/docs/bookmarks', 'main h1'],
    [`/docs/read/${hit.library}/${hit.topicId}`, '.docs-topic'],
    ['/software', 'main .checksum'],
    ['/tickets', `main a[href$="${ticket}"]`],
    ['/tickets/new', 'main form'],
    [`/tickets/${ticket}`, '.thread__body'],
    ['/privacy/data', 'main table tbody tr'],
    ['/privacy/consents', 'main table tbody tr'],
    ['/privacy/requests', 'main h2'],
    ['/privacy/export', 'main h2'],
    ['/privacy/device', 'main table tbody tr'],
    ['/privacy/usage', 'main h2'],
    ['/privacy/disclosures', 'main h2'],
    ['/privacy/policy', 'main h2'],
    ['/settings', 'main form'],
    ['/profile', 'main dl, main form'],
  ];
  const found: Record<string, string[]> = {};
  for (const language of LANGUAGES) {
    preview.services.settings.update({ language });
    await page.goto(preview.url);
    for (const [screen, ready] of screens) {
      // In-app navigation, as a person moves between screens (and far cheaper than a reload each time).
      await page.evaluate(`location.hash = ${JSON.stringify(screen)}`);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.locator(ready).first(), `${language} ${screen}`).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const words = await rawIdentifiers(page);
      if (words.length) found[`${language} ${screen}`] = words;
    }
  }
  preview.services.settings.update({ language: 'en' });
  // Every screen's findings at once.
  expect(found).toEqual({});
});

test('the pattern check finds what it is meant to find (so an empty result above means something)', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<p id="probe">deviceSerial docs_pairs (P1.4, P2.2) northwind-router-7-1-en up-to-date nwos-7.2.0-x86_64.img</p>')`);
  expect((await rawIdentifiers(page)).sort()).toEqual(
    ['camelCase: deviceSerial', 'kebab-case id: northwind-router-7-1-en', 'policy code: P1.4', 'policy code: P2.2', 'snake_case: docs_pairs'].sort(),
  );
});
