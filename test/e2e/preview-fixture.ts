import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { DEFAULT_SETTINGS } from '../../main/services/settings/settings-migrations';

type Preview = Awaited<ReturnType<typeof startPreview>>;

let lastFile: string | undefined;

/**
 * The browser preview, started in-process once per worker with a fresh data folder: the real renderer
 * bundle, the real services and dispatcher, and the embedded reference API with demo data. Each test
 * file starts signed out with default settings, whatever the file before it left behind.
 */
export const test = base.extend<{ freshPerFile: void }, { preview: Preview }>({
  freshPerFile: [
    async ({ preview }, use, testInfo) => {
      if (lastFile !== testInfo.file) {
        lastFile = testInfo.file;
        await preview.services.session.signOut();
        preview.services.settings.update(DEFAULT_SETTINGS);
      }
      await use();
    },
    { auto: true },
  ],
  preview: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructured fixtures argument
    async ({}, use) => {
      const preview = await startPreview({ dataDir: mkdtempSync(join(tmpdir(), 'esd-e2e-')) });
      await use(preview);
      await preview.close();
    },
    { scope: 'worker' },
  ],
});
export { expect };

/** Signs in the way a person does: the app opens the sign-in page in a new tab, they fill it in. */
export async function signInThroughBrowser(page: Page, context: BrowserContext, email: string, password: string): Promise<void> {
  const tab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with your browser' }).click();
  const signInPage = await tab;
  await signInPage.getByLabel('E-mail').fill(email);
  await signInPage.getByLabel('Password').fill(password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.getByRole('heading', { name: 'You are signed in' })).toBeVisible();
  await signInPage.close();
}

/** Every run takes the screenshots; `npm run screenshots` writes them to docs/screenshots for the README. */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'}/${name}.png` });
