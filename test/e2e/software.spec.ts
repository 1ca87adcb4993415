import { accessibilityViolations } from './axe';
import { expect, screenshot, signInThroughBrowser, test } from './preview-fixture';

// Real Chromium, the real preview, the real download manager and the embedded reference API.
test('a user applies for restricted software (P1.4), is told it was approved (P2.2), accepts the licence and downloads it with a progress bar to PASS', async ({ page, context, preview }) => {
  test.setTimeout(60_000);
  const demo = preview.demoAccount!;
  await page.goto(preview.url);
  await signInThroughBrowser(page, context, demo.email, demo.password);
  await page.getByRole('link', { name: 'Software' }).click();
  await expect(page.getByRole('heading', { name: 'Software', level: 1 })).toBeVisible();
  await expect(page.getByText('svault-3.0.1-controller.bin')).toBeVisible();

  // A deep link (or the command palette) opens one product: the filter is in the URL.
  await page.evaluate("location.hash = '#/software?product=toolkit'");
  await expect(page.getByRole('combobox', { name: 'Product' })).toHaveValue('toolkit');
  await expect(page.getByText('toolkit-2.4.0-linux-x64.tar.gz')).toBeVisible();
  await expect(page.getByText('svault-3.0.1-controller.bin')).toHaveCount(0);

  // Filters: one product, one version, a search.
  await page.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'NW-OS Router Firmware' });
  await page.getByRole('combobox', { name: 'Version' }).selectOption('7.1.4');
  await expect(page.getByText('nwos-7.1.4-x86_64.img')).toBeVisible();
  await expect(page.getByText('nwos-7.2.0-x86_64.img')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'All products' });
  await page.getByRole('searchbox', { name: 'Search' }).fill('controller');
  await expect(page.getByText('svault-3.0.1-controller.bin')).toBeVisible();
  await expect(page.getByText('nwos-7.1.4-x86_64.img')).toHaveCount(0);

  // Apply: the reason and phone number are required (P1.4); the phone comes from the profile.
  await page.getByRole('button', { name: 'Apply for access to svault-3.0.1-controller.bin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply for access: StorageVault Controller' });
  // Whatever the profile holds now (an earlier file in this worker may have corrected it).
  const { phone } = await preview.services.profile.get();
  await expect(dialog.getByRole('textbox', { name: 'Phone number' })).toHaveValue(phone);
  await dialog.getByRole('button', { name: 'Send application' }).click();
  await expect(dialog.getByText('Tell us in a few words what you need it for')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'What do you need it for?' }).fill('Controller replacement on the StorageVault array in rack 12');
  await dialog.getByRole('button', { name: 'Send application' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('application')).toContainText('Pending review');
  await screenshot(page, 'software-application-pending');

  // The demo reviewer decides after a short delay; the app tells the user without a reload (P2.2).
  await expect(page.getByRole('status').filter({ hasText: 'was approved' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('application')).toContainText('Approved');

  // Watch for the progress bar: a 3 MB file on loopback may finish between two polls of an assertion.
  // A string, not a function: this test project is typed for Node, without the DOM's types.
  await page.evaluate(`
    window.progressSeen = [];
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress[aria-label^="Download progress"]')) window.progressSeen.push(bar.getAttribute('aria-label'));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  `);
  await page.getByRole('button', { name: 'Download svault-3.0.1-controller.bin' }).click();
  const licence = page.getByRole('dialog', { name: 'Licence agreement: StorageVault Controller' });
  await expect(licence.getByText('You may not redistribute it')).toBeVisible();
  await licence.getByRole('button', { name: 'Accept and download' }).click();

  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('PASS:', { timeout: 30_000 });
  await expect(verdict).toContainText('matches the vendor-signed manifest');
  expect(await page.evaluate('window.progressSeen')).toContain('Download progress of svault-3.0.1-controller.bin');
  await expect(page.getByRole('button', { name: 'Show in folder: svault-3.0.1-controller.bin' })).toBeVisible();
  await screenshot(page, 'software-download-pass');

  expect(await accessibilityViolations(page)).toEqual([]);
});
