import { DEFAULT_SETTINGS } from '../../main/services/settings/settings-migrations';
import { expect, signInThroughBrowser, test } from './preview-fixture';

// Issue 13: Settings apply as they change (theme and language previewed at once), the rest warn
// before they are left unsaved, and the save action stays in view. Real Chromium through the preview.

test.beforeEach(async ({ page, context, preview }) => {
  if (preview.services.session.get().status !== 'signed-in') {
    await page.goto(preview.url);
    await signInThroughBrowser(page, context, preview.demoAccount!.email, preview.demoAccount!.password);
  }
  preview.services.settings.update({ ...DEFAULT_SETTINGS, language: 'en', theme: 'light' });
  await page.goto(`${preview.url}#/settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test.afterAll(({ preview }) => void preview.services.settings.update(DEFAULT_SETTINGS));

test('theme, language and font size take effect as they are chosen, without saving, and are remembered', async ({ page, preview }) => {
  await page.getByLabel('Theme', { exact: true }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Font size', { exact: true }).fill('18');
  await expect(page.locator('html')).toHaveAttribute('style', /font-size: 18px/);
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await expect(page.getByRole('navigation').getByRole('link', { name: '设置' })).toBeVisible();
  // Nothing waits to be saved, so leaving does not ask.
  await expect(page.getByText('所有更改均已保存。')).toBeVisible();
  expect(preview.services.settings.get()).toMatchObject({ theme: 'dark', language: 'zh-CN', fontSize: 18 });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('navigation').getByRole('link', { name: '设置' })).toBeVisible();
});

test('unsaved changes are announced beside a save button that stays in view, and leaving asks: stay, discard, or save and leave', async ({ page, preview }) => {
  const apiUrl = page.getByRole('textbox', { name: 'API URL' });
  await apiUrl.fill('https://support.example.com');
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  // At the top of a form taller than the window, the save button is still on screen.
  await page.evaluate('window.scrollTo(0, 0)');
  const save = page.getByRole('button', { name: 'Save settings' });
  await expect(save).toBeInViewport();

  const nav = page.getByRole('navigation', { name: 'Main' });
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await nav.getByRole('link', { name: 'Documentation' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay here' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(apiUrl).toHaveValue('https://support.example.com');

  await nav.getByRole('link', { name: 'Documentation' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Documentation', level: 1 })).toBeVisible();
  expect(preview.services.settings.get().apiUrl).toBeNull();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(apiUrl).toHaveValue('');
  const notifications = page.getByRole('checkbox', { name: 'Desktop notifications' });
  const before = await notifications.isChecked();
  await notifications.setChecked(!before);
  // The command palette's navigation is held too, not only links.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox').fill('Software');
  await page.getByRole('option', { name: /Software/ }).first().click();
  await dialog.getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByRole('heading', { name: 'Software', level: 1 })).toBeVisible();
  expect(preview.services.settings.get().notifications).toBe(!before);
});
