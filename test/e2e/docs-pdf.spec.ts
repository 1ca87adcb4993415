import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startPreview } from '../../main/preview/start-preview';
import { startApiServer } from '../../server/app';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import { writePdf } from '../fakes/pdf-writer';
import { accessibilityViolations } from './axe';
import { signInThroughBrowser } from './preview-fixture';

/**
 * A folder of PDF manuals through the preview in real Chromium: imported by the app's own importer
 * (pdf.js in a worker), found by search beside HTML, opened in the PDF viewer at the hit's page with
 * the query's words marked, under the app's CSP. The reference API runs on loopback.
 */
test('a PDF page found by search opens in the viewer at its page with the words marked; the outline and page buttons move through it; axe clean', async ({ page, context }) => {
  test.setTimeout(180_000); // an import, a sign-in and a PDF render on a shared 2-core machine
  const dir = mkdtempSync(join(tmpdir(), 'esd-docs-pdf-'));
  const api = await startApiServer({ dbPath: join(dir, 'api.sqlite'), seedDemoData: true });
  const preview = await startPreview({ dataDir: join(dir, 'app'), apiUrl: api.url });
  const errors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  try {
    const folder = join(dir, 'vendor-manuals');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'firewall-guide.pdf'),
      writePdf({
        title: 'Firewall Administration Guide',
        pages: [
          { lines: ['Firewall Administration Guide', 'Version 7'] },
          { lines: ['Installing the appliance', 'Rack the appliance and connect the console cable.'] },
          { lines: ['Zone policies', 'A zone policy decides which traffic may cross between zones.'] },
          { lines: ['Stateful inspection tracks every connection through the gateway.'] },
        ],
        outline: [{ title: 'Installing the appliance', page: 2 }, { title: 'Zone policies', page: 3 }],
        javascript: "app.alert('should never run')",
      }),
    );
    writeFileSync(join(folder, 'index.html'), '<html><head><title>Vendor manuals</title></head><body><h1>Vendor manuals</h1><p>Firewall and router guides.</p></body></html>');
    const result = await preview.services.docs.importLocal({ kind: 'folder', dir: folder });
    expect(result.skipped).toEqual([]);

    await page.goto(preview.url);
    await signInThroughBrowser(page, context, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    await page.evaluate(`location.hash = '#/docs'`);
    await page.getByLabel('Search documentation').fill('stateful inspection');
    const hit = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
    await expect(hit.getByRole('link')).toHaveText('Page 4');
    await expect(hit).toContainText('Firewall Administration Guide');
    await hit.getByRole('link').click();

    const viewer = page.getByRole('region', { name: 'Firewall Administration Guide' });
    await expect(viewer.getByRole('spinbutton', { name: 'Page' })).toHaveValue('4');
    await expect(viewer.getByText('of 4')).toBeVisible();
    const marks = viewer.locator('mark.docs-pdf__mark');
    await expect(marks).toHaveText(['Stateful', 'inspection']);
    await expect(marks.first()).toBeVisible();
    // The text layer holds the page's words for selection and copy.
    await expect(viewer.locator('.textLayer')).toContainText('tracks every connection');

    await page.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Zone policies' }).click();
    await expect(viewer.getByRole('spinbutton', { name: 'Page' })).toHaveValue('3');
    await expect(viewer.locator('.textLayer')).toContainText('A zone policy decides');
    await viewer.getByRole('button', { name: 'Previous page' }).click();
    await expect(viewer.locator('.textLayer')).toContainText('console cable');
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await expect(viewer.getByText('125%')).toBeVisible();

    await viewer.getByLabel('Find in PDF').fill('gateway');
    await viewer.getByRole('button', { name: 'Find next' }).click();
    await expect(viewer.getByRole('spinbutton', { name: 'Page' })).toHaveValue('4');
    await expect(viewer.locator('mark.docs-pdf__mark')).toHaveText(['gateway']);

    expect(await accessibilityViolations(page, '.docs-reader')).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  } finally {
    await preview.close();
    await api.close();
  }
});
