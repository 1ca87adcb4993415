import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { newDataFolder } from '../faults/helpers/damaged-folder';
import { accessibilityViolations } from './axe';
import { screenshot } from './preview-fixture';

type Preview = Awaited<ReturnType<typeof startPreview>>;
let preview: Preview | undefined;
test.afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

// Each test starts its own preview as an installed build would start: no demo unless the user picks it.
test('issue 14: a first run asks for the support service, refuses http to a remote host, and "Try the demo" starts the reference API', async ({ page }) => {
  test.setTimeout(150_000);
  preview = await startPreview({ dataDir: newDataFolder('esd-e2e-first-run-'), demo: false });
  await page.goto(preview.url);

  await expect(page.getByRole('heading', { name: 'Connect to your support service' })).toBeVisible();
  expect(await accessibilityViolations(page, 'main')).toEqual([]);
  await screenshot(page, 'first-run');

  const address = page.getByLabel('Support service address');
  await address.fill('http://evil.example');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('Enter an address that starts with https:// (http:// only for this computer).')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('status')).toHaveText('Connecting…');
  // The reference API seeds its demo data first: seconds on a loaded machine.
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/alice@northwind\.example/)).toBeVisible();
  expect(preview.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('issue 14: a saved http://evil.example does not stop the start: the app opens on the connection settings with the reason', async ({ page }) => {
  const dataDir = newDataFolder('esd-e2e-bad-url-');
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings: { apiUrl: 'http://evil.example' }, schemaVersion: 6 }));
  preview = await startPreview({ dataDir });
  await page.goto(preview.url);

  await expect(page.getByRole('heading', { name: 'Settings: the support service needs attention' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The saved address http://evil.example cannot be used: it must start with https://');
  await expect(page.getByLabel('Support service address')).toHaveValue('http://evil.example');
  // An insecure address cannot be waved through; a demo build still offers the demo.
  await expect(page.getByRole('button', { name: 'Continue with this address' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  expect(await accessibilityViolations(page, 'main')).toEqual([]);
});
