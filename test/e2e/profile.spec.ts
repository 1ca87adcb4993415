import { expect, screenshot, signInThroughBrowser, test } from './preview-fixture';

// Real Chromium, the real preview server and the real reference API: nothing here is mocked.
test('a user signs in through the login page, corrects their profile (P5.2) and signs out', async ({ page, context, preview }) => {
  const demo = preview.demoAccount!;
  await page.goto(preview.url);
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  await expect(page.getByText(demo.email)).toBeVisible(); // the demo sign-in hint
  await screenshot(page, 'sign-in');

  await signInThroughBrowser(page, context, demo.email, demo.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Online', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByText('Alice Becker').first()).toBeVisible();
  await expect(page.getByText('Northwind Networks')).toBeVisible();
  await screenshot(page, 'profile');

  // Correct the phone number; it is saved on the server and survives a reload.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Phone' }).fill('+49 30 555 0199');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByText('+49 30 555 0199')).toBeVisible();

  // An invalid e-mail is refused inline, before anything is sent.
  await page.getByRole('button', { name: 'Edit' }).click();
  const email = page.getByRole('textbox', { name: 'E-mail' });
  await email.fill('not-an-email');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
  await screenshot(page, 'profile-edit-error');

  // An e-mail that belongs to someone else is refused by the server, shown on the same field.
  await email.fill('chen.wei@contoso.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Profile saved.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(demo.email).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
});

test('every main screen opens from the navigation; language and theme change at once and are remembered (P3.1)', async ({ page, context, preview }) => {
  const demo = preview.demoAccount!;
  await page.goto(preview.url);
  await signInThroughBrowser(page, context, demo.email, demo.password);
  for (const [link, shot] of [
    ['Documentation', 'documentation'],
    ['Software', 'software'],
    ['Service requests', 'service-requests'],
    ['My data', 'my-data'],
    ['Settings', 'settings'],
  ] as const) {
    await page.getByRole('navigation').getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await screenshot(page, shot);
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  // Language and theme apply as they are chosen, with no save (issue 13).
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('navigation').getByRole('link', { name: '设置' })).toBeVisible();
  await screenshot(page, 'settings-zh-dark');
  // Preferences are remembered (P3.1): a reload keeps them.
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: '设置' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
