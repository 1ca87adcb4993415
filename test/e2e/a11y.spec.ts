import type { BrowserContext, Page } from '@playwright/test';
import { accessibilityViolations } from './axe';
import { installLibrary, sentRequest } from './demo-content';
import { expect, screenshot, signInThroughBrowser, test } from './preview-fixture';

// Every main screen, in both languages and both themes: no WCAG 2.1 A/AA violation of any impact (every
// axe rule for those criteria, see ./axe.ts) and no serious best-practice finding,
// and a screenshot for the README. Real Chromium, the preview's real services and data.
const SCREENS = [
  { name: 'documentation', path: '/docs' },
  { name: 'documentation-search', path: '/docs?q=configuring' },
  { name: 'software', path: '/software' },
  { name: 'service-requests', path: '/tickets' },
  { name: 'my-data', path: '/privacy' },
  { name: 'my-data-consents', path: '/privacy/consents' },
  { name: 'my-data-requests', path: '/privacy/requests' },
  { name: 'my-data-export', path: '/privacy/export' },
  { name: 'my-data-this-computer', path: '/privacy/device' },
  { name: 'my-data-usage', path: '/privacy/usage' },
  { name: 'my-data-disclosures', path: '/privacy/disclosures' },
  { name: 'my-data-policy', path: '/privacy/policy' },
  { name: 'settings', path: '/settings' },
  { name: 'profile', path: '/profile' },
] as const;
type Preview = Parameters<Parameters<typeof test>[2]>[0]['preview'];

const LOOKS = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'zh-CN', theme: 'light' },
  { language: 'zh-CN', theme: 'dark' },
] as const;

/** The page has finished loading what it shows: a heading and nothing marked busy. */
async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Signs in (in English: the helper clicks English labels) unless this worker's preview already is. */
async function signedIn(page: Page, context: BrowserContext, preview: Preview) {
  if (preview.services.session.get().status === 'signed-in') return;
  preview.services.settings.update({ language: 'en' });
  await page.goto(preview.url);
  await signInThroughBrowser(page, context, preview.demoAccount!.email, preview.demoAccount!.password);
  // Screens with something on them, as after a first hour: a manual installed, a request sent.
  await installLibrary(preview, 'northwind-router-7-1-en');
  await sentRequest(preview, 'Core switch fans at full speed after the upgrade');
}

test.afterAll(async ({ preview }) => {
  // The preview is shared by later files in this worker: leave it as found.
  preview.services.settings.update({ language: 'en', theme: 'system' });
  await preview.services.session.signOut();
});

test('the sign-in screen has no accessibility violations in either language or theme', async ({ page, preview }) => {
  // Four full axe runs: more than the default minute on a shared 2-core machine under load.
  test.setTimeout(180_000);
  await page.goto(preview.url);
  for (const look of LOOKS) {
    preview.services.settings.update(look);
    await expect(page.locator('html')).toHaveAttribute('lang', look.language);
    await expect(page.locator('html')).toHaveAttribute('data-theme', look.theme);
    await expect(page.getByRole('button', { name: look.language === 'en' ? 'Sign in with your browser' : /浏览器/ })).toBeVisible();
    expect(await accessibilityViolations(page), `sign-in ${look.language} ${look.theme}`).toEqual([]);
    await screenshot(page, `sign-in-${look.language}-${look.theme}`);
  }
});

for (const look of LOOKS) {
  test(`every screen has no accessibility violations (${look.language}, ${look.theme})`, async ({ page, context, preview }) => {
    // Fourteen screens with every WCAG rule on a shared 2-core machine: one test per look, each with time for all of them.
    test.setTimeout(300_000);
    await signedIn(page, context, preview);
    preview.services.settings.update(look);
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await page.goto(`${preview.url}#${screen.path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', look.language);
      await expect(page.locator('html')).toHaveAttribute('data-theme', look.theme);
      await settled(page);
      const violations = await accessibilityViolations(page);
      if (violations.length) found[screen.name] = violations;
      await screenshot(page, `${screen.name}-${look.language}-${look.theme}`);
    }
    // Every screen's violations at once, not just the first screen's.
    expect(found).toEqual({});
  });
}

test('the command palette and the proxy sign-in dialog have no accessibility violations', async ({ page, context, preview }) => {
  await signedIn(page, context, preview);
  preview.services.settings.update({ language: 'en', theme: 'light' });
  await page.goto(preview.url);
  await settled(page);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill('set');
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(await accessibilityViolations(page), 'palette').toEqual([]);
  await page.keyboard.press('Escape');

  const answer = preview.services.desktop.proxyLogin.credentialsFor({ host: 'proxy.corp.example', port: 8080 });
  await expect(page.getByRole('dialog', { name: 'Sign in to the proxy' })).toBeVisible();
  expect(await accessibilityViolations(page), 'proxy sign-in').toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await answer).toBeNull();
});

test('every control in the shell and on Settings is reachable by Tab and shows a visible focus ring', async ({ page, context, preview }) => {
  await signedIn(page, context, preview);
  preview.services.settings.update({ language: 'en', theme: 'light' });
  await page.goto(`${preview.url}#/settings`);
  await settled(page);
  // Page scripts as strings: this test project is typed for Node, not the DOM.
  const keyOf = `(e) => e.id || e.textContent.trim() || e.getAttribute('name') || e.outerHTML.slice(0, 60)`;
  const interactive = (await page.evaluate(`[...document.querySelectorAll('header a, header button, nav a, main a, main button, main input, main select, main textarea')]
    .filter((e) => !e.disabled && e.offsetParent !== null).map(${keyOf})`)) as string[];
  const reached = new Set<string>();
  const withoutRing: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < interactive.length + 15; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(`(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
      return { key: (${keyOf})(e), ring };
    })()`)) as { key: string; ring: boolean } | null;
    if (!focused) continue;
    reached.add(focused.key);
    if (!focused.ring) withoutRing.push(focused.key);
  }
  // Radio groups take one Tab stop (arrow keys move inside), so only the checked radio counts.
  const expected = interactive.filter((key) => !/^<input type="radio"/.test(key) || key.includes('checked'));
  expect(expected.filter((key) => !reached.has(key))).toEqual([]);
  expect(withoutRing).toEqual([]);
});
