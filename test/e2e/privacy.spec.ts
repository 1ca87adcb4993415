import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { DEMO_USERS } from '../../server/db/seed-demo';
import { readZip } from '../integration/privacy/zip-reader';
import { accessibilityViolations } from './axe';
import { expect, screenshot, signInThroughBrowser } from './preview-fixture';

// A preview of its own: this file ends by clearing local data, which must not reach other files' preview.
const test = base.extend<object, { privacyPreview: Awaited<ReturnType<typeof startPreview>> }>({
  privacyPreview: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructured fixtures argument
    async ({}, use) => {
      const preview = await startPreview({ dataDir: mkdtempSync(join(tmpdir(), 'esd-e2e-privacy-')) });
      await use(preview);
      await preview.close();
    },
    { scope: 'worker' },
  ],
});


test('P7.1 a link to another site asks first; "don\'t ask again" is remembered per site and can be undone', async ({ page, context, privacyPreview }) => {
  const demo = privacyPreview.demoAccount!;
  await page.goto(privacyPreview.url);
  await signInThroughBrowser(page, context, demo.email, demo.password);
  await page.goto(`${privacyPreview.url}#/docs/read/contoso-storage-4-0-en/planning-replication-link`);
  const link = page.locator('.docs-topic').getByRole('link', { name: 'partner guide' });
  const dialog = page.getByRole('dialog', { name: 'Leave the app for another site?' });
  await link.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: "Don't ask again for partner.example.org" }).check();
  await dialog.getByRole('button', { name: 'Open in browser' }).click();
  await expect(dialog).toBeHidden();
  await link.click();
  await expect(dialog).toBeHidden();

  // The choice is listed in the privacy center and can be taken back.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My data' }).click();
  await page.getByRole('link', { name: 'This computer' }).click();
  await page.getByRole('button', { name: 'Ask again for partner.example.org' }).click();
  await expect(page.getByText('Every link to another site asks first.')).toBeVisible();
  await page.goto(`${privacyPreview.url}#/docs/read/contoso-storage-4-0-en/planning-replication-link`);
  await link.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
});

test('every privacy center section, with the policy notice, has no accessibility violations', async ({ page, context, privacyPreview }) => {
  // Eight sections, each with every WCAG 2.1 A/AA rule, on a shared 2-core machine.
  test.setTimeout(180_000);
  await page.goto(privacyPreview.url);
  await signInThroughBrowser(page, context, privacyPreview.demoAccount!.email, privacyPreview.demoAccount!.password);
  for (const section of ['data', 'consents', 'requests', 'export', 'device', 'usage', 'disclosures', 'policy']) {
    await page.goto(`${privacyPreview.url}#/privacy/${section}`);
    await expect(page.getByRole('heading', { name: 'My data', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: /The privacy policy changed/ })).toBeVisible();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect(await accessibilityViolations(page), section).toEqual([]);
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
});

/**
 * P5.6: the waiting request is confirmed by signing in again. The app shows the sign-in link (main
 * starts this sign-in itself, so the preview opens no tab): it is followed as a person would paste it.
 */
async function confirmBySigningInAgain(page: Page, context: BrowserContext, email: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Confirm by signing in again' }).click();
  const link = await page.getByRole('textbox', { name: 'Sign-in link' }).inputValue();
  const signInPage = await context.newPage();
  await signInPage.goto(link);
  await signInPage.getByLabel('E-mail').fill(email);
  await signInPage.getByLabel('Password').fill(password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.getByRole('heading', { name: 'You are signed in' })).toBeVisible();
  await signInPage.close();
}

test('P5.3 P5.6 restrict processing, then end the restriction, each confirmed by signing in again', async ({ page, context, privacyPreview }) => {
  const demo = privacyPreview.demoAccount!;
  await page.goto(privacyPreview.url);
  await signInThroughBrowser(page, context, demo.email, demo.password);
  await page.goto(`${privacyPreview.url}#/privacy/requests`);
  const kind = page.getByRole('combobox', { name: 'What do you ask for?' });
  const restriction = page.getByRole('region', { name: 'Processing of your data is restricted' });
  const end = restriction.getByRole('button', { name: 'End the restriction' });
  // Not restricted: ending a restriction is not offered at all.
  await expect(kind).toBeVisible();
  await expect(kind.getByRole('option', { name: 'End the restriction' })).toHaveCount(0);
  await expect(restriction).toHaveCount(0);

  await kind.selectOption('restrict');
  await page.getByRole('button', { name: 'Send request' }).click();
  await confirmBySigningInAgain(page, context, demo.email, demo.password);
  // Restricted: the screen says what ending it brings back before offering it (GDPR Art. 18(3)).
  await expect(restriction).toContainText('resume only where your consents allow them');
  expect(await accessibilityViolations(page)).toEqual([]);
  await end.click();
  await expect(restriction).toContainText('waits for your confirmation');
  await confirmBySigningInAgain(page, context, demo.email, demo.password);
  await expect(restriction).toHaveCount(0);
  const lifted = page.getByRole('listitem').filter({ hasText: 'End the restriction' });
  await expect(lifted).toContainText('Completed');
  await page.getByRole('link', { name: 'Data held' }).click();
  await expect(page.getByRole('heading', { name: /Identity and contact/ })).toBeVisible();
  await expect(page.getByText('Processing of your data is restricted: no recommendations and no marketing.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
});

test('P5.4 an erasure confirmed in the app signs out and says what it removed from this computer', async ({ page, context, privacyPreview }) => {
  const li = DEMO_USERS[3]!; // not the demo account, which the last test still needs
  await page.goto(privacyPreview.url);
  await signInThroughBrowser(page, context, li.email, li.password);
  await page.goto(`${privacyPreview.url}#/privacy/requests`);
  await page.getByRole('combobox', { name: 'What do you ask for?' }).selectOption('erase');
  await page.getByRole('button', { name: 'Send request' }).click();
  await confirmBySigningInAgain(page, context, li.email, li.password);

  const notice = page.getByRole('region', { name: 'Your account was deleted, and its data on this computer too' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('list', { name: 'Removed from this computer:' })).toContainText('Drafts of service requests: 0');
  await expect(notice).toContainText('only what belonged to your account was removed');
  // The session ended because the account is gone, not because something failed.
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  await screenshot(page, 'privacy-erased-on-this-computer');
  expect(await accessibilityViolations(page)).toEqual([]);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

// Last in the file: it clears this preview's local data.
test('the privacy center: see my data, correct it, withdraw consent, export, acknowledge the policy, clear this computer', async ({ page, context, privacyPreview }) => {
  const demo = privacyPreview.demoAccount!;
  await page.goto(privacyPreview.url);
  await signInThroughBrowser(page, context, demo.email, demo.password);

  // P9.1: a changed policy is announced on start, with its change summary, until acknowledged.
  const notice = page.getByRole('region', { name: /The privacy policy changed/ });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('disclosure register');
  // P5.7: the privacy contact is on every screen.
  await expect(page.getByRole('contentinfo').getByRole('link', { name: /^privacy@/ })).toBeVisible();

  // P5.1: My data, by category, with why, how long and where (P8.1); P1.6 third-party sign-ins.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My data' }).click();
  await expect(page.getByRole('heading', { name: /Identity and contact/ })).toBeVisible();
  const identity = page.getByRole('article', { name: /Identity and contact/ });
  await expect(identity).toContainText('Alice Becker');
  await expect(identity).toContainText('While your account is active');
  await expect(identity).toContainText('Standard contractual clauses');
  await expect(page.getByRole('article', { name: /Sign-in history/ })).toContainText('GitHub account');
  await screenshot(page, 'privacy-my-data');

  // P5.2: correct the phone on the profile page; My data shows it.
  await page.getByRole('link', { name: 'Correct your details on the profile page.' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Phone' }).fill('+49 30 555 0123');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My data' }).click();
  await expect(page.getByRole('article', { name: /Identity and contact/ })).toContainText('+49 30 555 0123');

  // P5.5: withdraw marketing consent; the receipt shows the change and the policy version.
  await page.getByRole('link', { name: 'Consents' }).click();
  const marketing = page.getByRole('switch', { name: 'Marketing e-mail and surveys' });
  await marketing.check();
  await expect(marketing).toBeChecked();
  await expect(marketing).toBeEnabled();
  await marketing.uncheck();
  await expect(marketing).not.toBeChecked();
  const receipts = page.getByRole('table', { name: 'Consent receipts' });
  await expect(receipts.getByRole('row').nth(1)).toContainText('Marketing e-mail and surveys');
  await expect(receipts.getByRole('row').nth(1)).toContainText('On → Off');
  await expect(receipts.getByRole('row').nth(1)).toContainText('2026.2');
  await screenshot(page, 'privacy-consents');

  // P5.1: request an export, download it through the download manager (SHA-256 checked) and open the archive.
  await page.getByRole('link', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Request an export' }).click();
  const download = page.getByRole('button', { name: /^Download my-data-/ });
  await expect(download).toBeVisible();
  await download.click();
  await expect(page.getByText(/^The service's archive was verified: SHA-256 [0-9a-f]{64}\.$/)).toBeVisible();
  const fileChecksum = (await page.getByText(/the file itself now has SHA-256/).textContent())!.match(/[0-9a-f]{64}/)![0];
  const entries = page.getByRole('list', { name: 'Files in the archive' });
  await expect(entries).toContainText('identity.json');
  await expect(entries).toContainText('sign-in-history.csv');
  await expect(entries).toContainText('local-data/settings.json');
  const path = (await page.getByText(/^Saved as /).textContent())!.replace(/^Saved as /, '');
  // The checksum shown for the file is the saved file's own.
  expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(fileChecksum);
  const files = await readZip(readFileSync(path));
  const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { files: { path: string; sha256: string }[] };
  for (const file of manifest.files) expect(createHash('sha256').update(files.get(file.path)!).digest('hex')).toBe(file.sha256);
  expect(JSON.parse(files.get('identity.json')!.toString())[0]).toMatchObject({ phone: '+49 30 555 0123' });
  await screenshot(page, 'privacy-export');

  // P9.1: acknowledging the change removes the notice, also after a restart of the page.
  await notice.getByRole('button', { name: 'I have read it' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My data', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: /The privacy policy changed/ })).toHaveCount(0);

  // P3.2: what this computer keeps, then clear it and land on the sign-in screen.
  await page.getByRole('link', { name: 'This computer' }).click();
  await expect(page.getByRole('rowheader', { name: 'Local database' })).toBeVisible();
  await screenshot(page, 'privacy-this-computer');
  await page.getByRole('button', { name: 'Clear local data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear all data on this computer?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  // P5.7: the privacy contact stays at hand on the sign-in screen.
  await expect(page.getByRole('link', { name: /^privacy@/ })).toBeVisible();
});
