import { execSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { postForm, readLoginForm } from '../integration/helpers/oauth-flow';

/** Debian's Chromium (or the one CHROMIUM_PATH names): Playwright cannot download its own browsers here. */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8', shell: '/bin/sh' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The browser every renderer benchmark drives, launched the same way so their figures compare. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });

/** Signs in through the login page the app opens, as the e2e tests do. */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  const tab = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with your browser' }).click();
  const login = await tab;
  await login.waitForLoadState();
  const form = readLoginForm(await login.content(), login.url());
  await login.close();
  await postForm(form.action, { ...form.fields, ...user }).then(async (r) => fetch(r.headers.get('location')!));
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
