import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { startApiServer } from '../../server/app';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import { signInThroughBrowser } from './preview-fixture';

/**
 * Versions and scopes through the preview in real Chromium: two versions of one product and another
 * product imported as folders through the app's own importer; the reference API runs on loopback.
 */
test('the reader links the same topic in another installed version; "widget: setup" searches only that product', async ({ page, context }) => {
  const dir = mkdtempSync(join(tmpdir(), 'esd-docs-versions-'));
  const api = await startApiServer({ dbPath: join(dir, 'api.sqlite'), seedDemoData: true });
  const preview = await startPreview({ dataDir: join(dir, 'app'), apiUrl: api.url });
  try {
    const manual = (name: string, product: string, version: string) => {
      const folder = join(dir, name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'setup.html'), `<html><head><title>Setting up ${product}</title></head><body><h1>Setting up ${product}</h1><p>Setup steps for ${version}.</p></body></html>`);
      return preview.services.docs.importLocal({ kind: 'folder', dir: folder, libraryId: name, product, version });
    };
    await manual('widget-1-local', 'Widget Server', '1.0');
    await manual('widget-2-local', 'Widget Server', '2.0');
    await manual('gadget-1-local', 'Gadget Hub', '1.0');

    await page.goto(preview.url);
    await signInThroughBrowser(page, context, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await page.evaluate(`location.hash = '#/docs/read/widget-2-local/setup'`);
    await expect(page.getByText('Setup steps for 2.0.')).toBeVisible();
    const versions = page.getByRole('navigation', { name: 'This topic in other versions:' });
    await expect(versions.getByRole('link')).toHaveText(['Version 1.0']);
    await versions.getByRole('link', { name: 'Version 1.0' }).click();
    await expect(page.getByText('Setup steps for 1.0.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'This topic in other versions:' }).getByRole('link')).toHaveText(['Version 2.0']);

    await page.evaluate(`location.hash = '#/docs'`);
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await page.getByLabel('Search documentation').fill('setting up');
    await expect(results.filter({ hasText: 'Widget Server' })).toHaveCount(2);
    await expect(results.filter({ hasText: 'Gadget Hub' })).toHaveCount(1);
    // Scoped: only Widget Server's two versions, and no online hit from the demo catalogue's other products.
    await page.getByLabel('Search documentation').fill('widget: setting up');
    await expect(results.filter({ hasText: 'Gadget Hub' })).toHaveCount(0);
    await expect(results).toHaveCount(2);
    await expect(results.filter({ hasText: 'Widget Server' })).toHaveCount(2);
  } finally {
    await preview.close();
    await api.close();
  }
});
