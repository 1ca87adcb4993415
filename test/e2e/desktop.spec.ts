import { queueRequest } from '../integration/tickets/desktop-tickets';
import { expect, screenshot, signInThroughBrowser, test } from './preview-fixture';

type Preview = Parameters<Parameters<typeof test>[2]>[0]['preview'];

/** The demo account starts without service requests: send one through the tickets service, as its form does. */
async function aTicket(preview: Preview) {
  const existing = (await preview.services.tickets.list()).items[0];
  if (existing) return existing;
  await queueRequest(preview.services.tickets, 'Firmware upgrade stalls at 42 percent');
  await preview.services.tickets.sendNow();
  return (await preview.services.tickets.list()).items[0]!;
}

// Real Chromium, the preview's real services and the embedded reference API; the OS side (deep
// links, proxy challenges) is driven through the same DesktopService main/platform calls.
test.beforeEach(async ({ page, context, preview }) => {
  await page.goto(preview.url);
  // The preview (and its session) lives for the whole file: sign in once.
  if (preview.services.session.get().status !== 'signed-in') await signInThroughBrowser(page, context, preview.demoAccount!.email, preview.demoAccount!.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test.afterAll(async ({ preview }) => {
  // The preview is shared by later files in this worker: leave it as found.
  preview.services.settings.update({ proxy: { mode: 'system' }, language: 'en', theme: 'system' });
  await preview.services.session.signOut();
});

test('Settings: a manual proxy is checked inline, saved and remembered (P3.1); diagnostics show the route and a live test', async ({ page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  for (const label of ['Language', 'Theme', 'Font size', 'API URL', 'Desktop notifications', 'Storage limit for documentation libraries', 'Load remote images and content in documents', 'Download folder']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Manage consents in My data' })).toBeVisible();
  // Where downloads go while the folder is left empty: the system's Downloads folder, named.
  await expect(page.getByText(/Downloads go to .+ now\./)).toBeVisible();

  await page.getByRole('radio', { name: 'Manual proxy server' }).check();
  const server = page.getByRole('textbox', { name: 'Proxy server' });
  await server.fill('proxy-without-port');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(server).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter the proxy as host:port, such as proxy.example.com:8080.')).toBeVisible();

  await server.fill('proxy.corp.example:3128');
  await page.getByRole('textbox', { name: 'Connect directly to' }).fill('*.corp.example');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Manual proxy server' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Proxy server' })).toHaveValue('proxy.corp.example:3128');

  // The embedded API is on this computer, which never goes through the proxy.
  await page.getByRole('button', { name: 'Test the connection' }).click();
  await expect(page.getByText('Direct connection (no proxy)')).toBeVisible();
  await expect(page.getByText(/Connected\. The service answered in/)).toBeVisible();
  await expect(page.getByText('Manual proxy server', { exact: true }).last()).toBeVisible();
  await screenshot(page, 'settings-diagnostics');
  await expect(page.getByText('Automatic updates are off in this build')).toBeVisible();
});

test('Ctrl+K finds pages and settings in either language and opens them by keyboard alone', async ({ page }) => {
  await page.keyboard.press('Control+K');
  const search = page.getByRole('combobox', { name: 'Search documentation, service requests, software and settings' });
  await expect(search).toBeFocused();
  await search.fill('代理');
  await expect(page.getByRole('option').first()).toContainText('Proxy');
  await screenshot(page, 'command-palette');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('settings-proxy');

  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill('profile');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill('zzqxj-nothing');
  await expect(page.getByText('Nothing found for “zzqxj-nothing”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox')).toHaveCount(0);
});

test('a deep link opens the right screen; a hostile one is refused and changes nothing', async ({ page, preview }) => {
  const desktop = preview.services.desktop.navigation;
  expect(desktop.openDeepLink('enterprise-support://tickets/../../privacy')).toBe(false);
  expect(desktop.openDeepLink('enterprise-support://settings?reset=1')).toBe(false);
  await expect(page).toHaveURL(/#\/docs/);
  const ticket = await aTicket(preview);
  expect(desktop.openDeepLink(`enterprise-support://tickets/${ticket.id}`)).toBe(true);
  await expect(page).toHaveURL(new RegExp(`#/tickets/${ticket.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ticket.title);
  expect(desktop.openDeepLink('enterprise-support://docs/netos-7.2/bgp-setup')).toBe(true);
  await expect(page).toHaveURL(/#\/docs\/read\/netos-7\.2\/bgp-setup$/);
});

test('the palette searches service requests and software at once and opens the one chosen', async ({ page, preview }) => {
  const ticket = await aTicket(preview);
  const word = ticket.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill(word);
  const option = page.getByRole('option').filter({ hasText: ticket.title });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Service request');
  await option.click();
  await expect(page).toHaveURL(new RegExp(`#/tickets/${ticket.id}$`));

  const product = (await preview.services.software.catalogue({})).products[0]!;
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill(product.name);
  await expect(page.getByRole('option').filter({ hasText: product.name }).first()).toContainText('Software');
});

test('a proxy that asks for credentials gets a sign-in prompt; a refusal asks again; cancel gives up', async ({ page, preview }) => {
  const proxyLogin = preview.services.desktop.proxyLogin;
  const first = proxyLogin.credentialsFor({ host: 'proxy.corp.example', port: 8080, realm: 'Northwind proxy' });
  const dialog = page.getByRole('dialog', { name: 'Sign in to the proxy' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('proxy.corp.example:8080');
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeFocused();
  await page.getByRole('textbox', { name: 'User name' }).fill('NORTHWIND\\alice');
  await page.getByLabel('Password').fill('pr0xy');
  await screenshot(page, 'proxy-sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  expect(await first).toEqual({ username: 'NORTHWIND\\alice', password: 'pr0xy' });
  await expect(dialog).toHaveCount(0);

  const second = proxyLogin.credentialsFor({ host: 'proxy.corp.example', port: 8080 });
  await expect(page.getByText('The proxy did not accept those details. Please try again.')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await second).toBeNull();
  await expect(dialog).toHaveCount(0);
});
