import type { Page } from '@playwright/test';
import { CATEGORY_IDS } from '../../shared/api/privacy';
import { recordVocabulary } from '../../shared/api/privacy-records';
import { expect, signInThroughBrowser, test } from './preview-fixture';

// Issue 13 ("raw internals") and issue 15 ("every word in both languages"): My data says every field
// and every code in words, and its tables stay readable in Chinese on a narrow window (issue 13, bug 5).
// Real Chromium through the preview, the demo account's real data.

const LANGUAGES = ['en', 'zh-CN'] as const;
type Preview = Parameters<Parameters<typeof test>[2]>[0]['preview'];

/** What must never be read on screen, derived from the record schemas of every category (not a hand-picked list). */
function forbiddenIdentifiers() {
  const fields = new Set<string>();
  const codes = new Set<string>();
  for (const category of CATEGORY_IDS) {
    const vocabulary = recordVocabulary(category);
    vocabulary.fields.forEach((field) => fields.add(field));
    vocabulary.codes.forEach((field) => field.codes.forEach((code) => codes.add(code)));
  }
  return { fields: [...fields], codes: [...codes] };
}

async function signedIn(page: Page, context: Parameters<Parameters<typeof test>[2]>[0]['context'], preview: Preview) {
  if (preview.services.session.get().status !== 'signed-in') {
    preview.services.settings.update({ language: 'en' });
    await page.goto(preview.url);
    await signInThroughBrowser(page, context, preview.demoAccount!.email, preview.demoAccount!.password);
  }
}

/**
 * Texts on screen that are raw identifiers: a label that is a field's own name, a value that is a bare
 * code, an identifier-shaped name or code (camelCase, snake_case, kebab-case) anywhere, JSON, and a raw
 * sign-in method ("social:github"). Page script as a string: this project is typed for Node, not the DOM.
 */
async function rawIdentifiersOnScreen(page: Page, forbidden: { fields: string[]; codes: string[] }): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const { fields, codes } = ${JSON.stringify(forbidden)};
    const main = document.querySelector('main');
    const found = [];
    const own = (e) => e.textContent.trim();
    for (const label of main.querySelectorAll('th, dt, caption, legend, label')) {
      if (fields.includes(own(label))) found.push('label ' + own(label));
    }
    for (const value of main.querySelectorAll('td, dd, li, p, span')) {
      if (codes.includes(own(value))) found.push('value ' + own(value));
    }
    const text = main.innerText;
    const shaped = (word) => /[a-z][A-Z]|[a-z][_-][a-z]/.test(word);
    for (const word of [...fields, ...codes].filter(shaped)) {
      if (new RegExp('(^|[^\\\\w-])' + word + '($|[^\\\\w-])').test(text)) found.push('text ' + word);
    }
    if (/\\{"/.test(text)) found.push('JSON ' + text.match(/\\{"[^}]*\\}?/)[0].slice(0, 60));
    const method = text.match(/\\b(sso|social):[a-z0-9-]+/);
    if (method) found.push('sign-in method ' + method[0]);
    return [...new Set(found)];
  })()`)) as string[];
}

test('My data names every field and every code in words, never as the schema spells it, in English and in Chinese', async ({ page, context, preview }) => {
  test.setTimeout(120_000);
  await signedIn(page, context, preview);
  // Records in the categories that hold codes: a consent receipt, an objection the law refuses, a policy acknowledgement.
  await preview.services.privacy.setConsent({ kind: 'analytics', granted: true });
  await preview.services.privacy.createRequest({ kind: 'object', purpose: 'legal-compliance' });
  const forbidden = forbiddenIdentifiers();
  expect(forbidden.fields).toContain('deviceSerial');
  for (const language of LANGUAGES) {
    preview.services.settings.update({ language });
    await page.goto(`${preview.url}#/privacy/data`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const signIns = page.getByRole('article', { name: language === 'en' ? /Sign-in history/ : /登录记录/ });
    await expect(signIns.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('article', { name: language === 'en' ? /Privacy requests/ : /隐私请求/ }).getByRole('row').nth(1)).toBeVisible();
    expect(await rawIdentifiersOnScreen(page, forbidden), language).toEqual([]);
    // The demo's third-party sign-ins are named, not spelled as stored.
    await expect(signIns).toContainText(language === 'en' ? 'GitHub account' : 'GitHub 账户');
  }
  preview.services.settings.update({ language: 'en' });
});

/**
 * Table cells squeezed to a sliver: text broken over several lines in a cell narrower than four
 * characters, and sizes ("72.1 kB") split over two lines. Measured from the layout of every table on screen.
 */
async function crampedCells(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const found = [];
    for (const cell of document.querySelectorAll('main table th, main table td')) {
      const text = cell.textContent.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      const style = getComputedStyle(cell);
      const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const fontSize = parseFloat(style.fontSize);
      if (lines > 1 && width < 4 * fontSize) found.push('narrow: ' + text.slice(0, 30) + ' (' + Math.round(width) + 'px, ' + lines + ' lines)');
      if (/^[\\d.,\\s]+(B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/.test(text) && lines > 1) found.push('size on ' + lines + ' lines: ' + text);
    }
    return found;
  })()`)) as string[];
}

test('This computer and every My data table stay readable in Chinese and English at 1024 and 1280 pixels wide, with no table name shown', async ({ page, context, preview }) => {
  test.setTimeout(180_000);
  await signedIn(page, context, preview);
  // A consent receipt, so the Consents section has its table.
  await preview.services.privacy.setConsent({ kind: 'marketing', granted: true });
  const tableNames = (await preview.services.privacy.deviceData()).items.flatMap((item) => item.tables.map((table) => table.name));
  expect(tableNames).toContain('docs_feedback_outbox');
  const found: Record<string, string[]> = {};
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const language of LANGUAGES) {
      preview.services.settings.update({ language });
      for (const section of ['device', 'data', 'consents']) {
        await page.goto(`${preview.url}#/privacy/${section}`);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.locator('main table').first()).toBeVisible();
        const problems = await crampedCells(page);
        if (section === 'device') {
          const text = await page.locator('main').innerText();
          problems.push(...tableNames.filter((name) => text.includes(name)).map((name) => `table name ${name}`));
        }
        if (problems.length) found[`${section} ${language} ${width}px`] = problems;
      }
    }
  }
  preview.services.settings.update({ language: 'en' });
  expect(found).toEqual({});
});
