import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { newDataFolder } from '../faults/helpers/damaged-folder';
import { signInThroughBrowser } from './preview-fixture';

type Preview = Awaited<ReturnType<typeof startPreview>>;
let preview: Preview | undefined;
test.afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

const rendererLog = (dataDir: string) =>
  readdirSync(join(dataDir, 'logs'))
    .filter((name) => name.startsWith('renderer.'))
    .map((name) => readFileSync(join(dataDir, 'logs', name), 'utf8'))
    .join('');

test("issue 14: the window's uncaught errors and rejections reach renderer.log through the bridge, without the e-mail in them", async ({ page }) => {
  const dataDir = newDataFolder('esd-e2e-logs-');
  preview = await startPreview({ dataDir });
  await page.goto(preview.url);
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('canary window error for jane.canary@corp.example');
    });
    void Promise.reject(new Error('canary rejection'));
  });
  await expect.poll(() => rendererLog(dataDir)).toContain('canary rejection');
  await expect.poll(() => rendererLog(dataDir)).toContain('canary window error for [email]');
  expect(rendererLog(dataDir)).not.toContain('jane.canary@corp.example');
});

test('issue 14: settings set by enterprise policy are disabled and say "Set by your organisation"; Settings shows the log folder', async ({ page, context }) => {
  test.setTimeout(120_000);
  const policyRoot = newDataFolder('esd-e2e-policy-');
  mkdirSync(join(policyRoot, 'etc', 'enterprise-support-desktop'), { recursive: true });
  writeFileSync(join(policyRoot, 'etc', 'enterprise-support-desktop', 'policy.json'), JSON.stringify({ ProxyMode: 'none', LockedSettings: ['theme', 'apiUrl'] }));
  const dataDir = newDataFolder('esd-e2e-policy-data-');
  preview = await startPreview({ dataDir, policyRoot });
  await page.goto(preview.url);
  await signInThroughBrowser(page, context, preview.demoAccount!.email, preview.demoAccount!.password);
  await page.getByRole('link', { name: 'Settings' }).first().click();

  for (const label of ['Theme', 'API URL']) {
    const control = page.getByLabel(label, { exact: true });
    await expect(control).toBeDisabled();
    await expect(control).toHaveAccessibleDescription(/Set by your organisation/);
  }
  const proxy = page.getByRole('group', { name: 'Proxy' });
  await expect(proxy).toContainText('Set by your organisation');
  for (const radio of await proxy.getByRole('radio').all()) await expect(radio).toBeDisabled();
  await expect(proxy.getByRole('radio', { name: 'No proxy (connect directly)' })).toBeChecked();
  await expect(page.getByLabel('Font size', { exact: true })).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Logs' })).toContainText(join(dataDir, 'logs'));
});
