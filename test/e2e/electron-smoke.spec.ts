import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The Electron binary cannot be downloaded on our build machines. Find it without triggering the
 * download that require('electron') would start: path.txt names it inside node_modules/electron/dist.
 */
function electronBinary(): string | null {
  const dir = join('node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

test('the Electron app starts with a sandboxed renderer and shows the sign-in screen', async () => {
  const binary = electronBinary();
  if (!binary) console.log('skipped: no Electron binary');
  test.skip(!binary, 'skipped: no Electron binary');
  const app = await electron.launch({ executablePath: binary!, args: ['.'] });
  const window = await app.firstWindow();
  expect(window.url()).toMatch(/^app:\/\/bundle\//);
  await expect(window.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await window.evaluate(() => typeof (globalThis as { support?: unknown }).support)).toBe('object');
  await app.close();
});
