import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessibilityViolations } from './axe';
import { expect, test } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { damage, databaseFile, newDataFolder, seedLocalData } from '../faults/helpers/damaged-folder';
import { startFaultApi } from '../faults/helpers/fault-api';
import type { TestApi } from '../integration/server/helpers';
import { screenshot } from './preview-fixture';

type Preview = Awaited<ReturnType<typeof startPreview>>;
let preview: Preview | undefined;
// The reference API on its own (demo data seeded after it listens: see test/faults/helpers/fault-api.ts).
let api: TestApi | undefined;
test.beforeAll(async () => {
  api = await startFaultApi();
});
test.afterEach(async () => {
  await preview?.close();
  preview = undefined;
});
test.afterAll(async () => {
  await api?.close();
});

// Each test starts its own preview (in this process, as the other e2e tests do) on a folder it damaged first.
test('issue 19: on a damaged folder the app opens with a notice of what was set aside, recovered and lost; dismissed, it stays gone', async ({ page }) => {
  const dataDir = newDataFolder('esd-e2e-recovery-');
  seedLocalData(dataDir, 'someone-on-this-computer');
  damage.pageInTheMiddle(databaseFile(dataDir), 'tickets_drafts');
  writeFileSync(join(dataDir, 'settings.json'), '');
  preview = await startPreview({ dataDir, apiUrl: api!.url });

  await page.goto(preview.url);
  const notice = page.getByRole('region', { name: "Some of this computer's app data was damaged. The app recovered what it could." });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/The settings file could not be read .* It was kept as settings\.json\.broken-[\dT-]+Z and the app started with the default settings\./);
  await expect(notice).toContainText('None of your settings could be read back');
  await expect(notice).toContainText('The local database was damaged. It was kept as local.sqlite.broken-');
  await expect(notice.getByRole('listitem').filter({ hasText: '5 service requests or replies waiting to be sent' })).toBeVisible();
  await expect(notice.getByRole('listitem').filter({ hasText: '3 documentation feedback items waiting to be sent' })).toBeVisible();
  await expect(notice.getByRole('listitem').filter({ hasText: /^\d+ drafts$/ })).toBeVisible();
  await expect(notice.getByRole('listitem').filter({ hasText: 'drafts that were in the damaged part' })).toBeVisible();
  await expect(notice).toContainText(`Damaged files are kept in the data folder: ${dataDir}`);
  // The sign-in screen is still usable under it.
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  expect(await accessibilityViolations(page, '.recovery')).toEqual([]);
  await screenshot(page, 'recovery-notice');

  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  await expect(notice).toBeHidden();
});

test('issue 19: the notice in Simplified Chinese, with the language kept from a settings file cut short', async ({ page }) => {
  const dataDir = newDataFolder('esd-e2e-recovery-');
  writeFileSync(join(dataDir, 'settings.json'), '{"settings":{"language":"zh-CN","theme":"dark","fontSi');
  writeFileSync(databaseFile(dataDir), 'This is a text file that was saved over the database.\n');
  preview = await startPreview({ dataDir, apiUrl: api!.url });

  await page.goto(preview.url);
  const notice = page.getByRole('region', { name: '本机的部分应用数据已损坏。应用已尽可能恢复。' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('仍可从中读取 2 项设置，已保留。');
  await expect(notice).toContainText('无法读取本地数据库：文件被截断或被覆盖。');
  await expect(notice).toContainText('未发现可恢复的待发送内容或草稿。');
  await expect(notice.getByRole('listitem').filter({ hasText: '位于损坏部分的草稿' })).toBeVisible();
  await expect(notice.getByRole('button', { name: '知道了' })).toBeVisible();
  expect(await accessibilityViolations(page, '.recovery')).toEqual([]);
});
