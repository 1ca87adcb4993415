import type { Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import { expect, screenshot, signInThroughBrowser, test } from './preview-fixture';
import { previewBehindLink } from './preview-behind-link';
import { sentRequest } from './demo-content';

/**
 * What a new user hit in a first hour with service requests (issue 13): a reply's file left behind,
 * the list lost offline, notices that doubled and stayed, stray drafts, and no guidance on an empty
 * list or the access application's rules. One API and preview for the file; the tests run in order.
 */
let setup: Awaited<ReturnType<typeof previewBehindLink>>;
let link: typeof setup.link;
let preview: typeof setup.preview;

test.beforeAll(async () => {
  setup = await previewBehindLink('first-hour');
  ({ link, preview } = setup);
});
test.afterAll(() => setup.close());

async function signedIn(page: Page, context: Parameters<typeof signInThroughBrowser>[1]) {
  await page.goto(preview.url);
  if (preview.services.session.get().status !== 'signed-in') await signInThroughBrowser(page, context, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
}

const serviceRequests = (page: Page) => page.getByRole('navigation').getByRole('link', { name: 'Service requests' });

const boxesOverlap = async (a: Locator, b: Locator) => {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  return Boolean(x && y && x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height);
};

// First in the file: the demo account has no requests yet on this fresh API.
test('first run: the empty list says how to open a request', async ({ page, context }) => {
  await signedIn(page, context);
  await serviceRequests(page).click();
  await expect(page.getByText('You have no service requests yet. Choose “New request” to ask the support team; it works offline too.')).toBeVisible();
  await screenshot(page, 'tickets-empty');
});

test('opening “New request” and leaving makes no draft; typing does (bug 8)', async ({ page, context }) => {
  await signedIn(page, context);
  await serviceRequests(page).click();
  await page.getByRole('link', { name: 'New request' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Alice Becker'); // the form is ready
  await serviceRequests(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service requests' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Draft/ })).toHaveCount(0);
  await expect(page.getByText('Untitled draft')).toHaveCount(0);
  expect(preview.services.tickets.listDrafts()).toEqual([]);

  // Once something is typed, the draft exists, has its own address and is listed.
  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Fan noise');
  await expect(page).toHaveURL(/#\/tickets\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused(); // the form stayed as it was
  await page.getByRole('textbox', { name: 'Title' }).press('End');
  await page.keyboard.type(' at night');
  await page.getByRole('button', { name: 'Save and close' }).click();
  const drafts = page.getByRole('region', { name: 'Draft (1)' });
  await expect(drafts.getByRole('link', { name: 'Fan noise at night' })).toBeVisible();
  await drafts.getByRole('button', { name: 'Delete draft “Fan noise at night”' }).click();
  await expect(drafts).toHaveCount(0);
});

test('a reply and its file are one action and one outbox item: “Send reply” sends both, offline too (bug 1)', async ({ page, context }) => {
  await signedIn(page, context);
  const id = await sentRequest(preview, 'Fans at full speed after upgrade');
  await page.goto(`${new URL(preview.url).origin}/#/tickets/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Fans at full speed after upgrade/ })).toBeVisible();

  link.down();
  await page.getByRole('textbox', { name: 'Your reply' }).fill('The fan log is attached.');
  await page.getByLabel('Add files').setInputFiles({ name: 'fans.log', mimeType: 'text/plain', buffer: Buffer.from('fan1 100%\n'.repeat(50)) });
  await expect(page.getByRole('button', { name: 'Remove fans.log' })).toBeVisible();
  await page.getByRole('button', { name: 'Send reply' }).click();

  // One item waits: the reply with its file. Nothing is left behind in the box or under another button.
  const outbox = page.getByRole('region', { name: /Waiting to send/ });
  await expect(outbox.locator('[data-outbox-item]')).toHaveCount(1);
  await expect(outbox.getByText('Reply: The fan log is attached. (with fans.log)')).toBeVisible();
  await expect(page.getByRole('button', { name: /Send \d+ files?/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove fans.log' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Your reply' })).toHaveValue('');

  link.up();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(outbox).toHaveCount(0);
  await expect(page.getByText('The fan log is attached.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Attachments' }).getByText(/fans\.log/)).toBeVisible();
  const ticket = await preview.services.tickets.get(id);
  expect(ticket.comments.filter((c) => c.body === 'The fan log is attached.')).toHaveLength(1);
  expect(ticket.attachments.map((a) => a.name)).toEqual(['fans.log']);
});

test('notices: one per answer, none for the open request, out of the conversation’s way, gone by themselves or when the status moves on (bug 7)', async ({ page, context }) => {
  test.setTimeout(120_000);
  await signedIn(page, context);
  await serviceRequests(page).click();
  // Notices are matched by this test's own request numbers: the earlier tests' requests are answered too.
  const flapping = await preview.services.tickets.get(await sentRequest(preview, 'Port 12 flaps every minute'));
  const notices = page.getByRole('region', { name: 'Notifications' });
  // The engineer answers and asks for details (a reply and a status change): one notice.
  await expect(notices.getByText(`An engineer answered ${flapping.number}. Status: Waiting for you.`)).toBeVisible({ timeout: 20_000 });
  await expect(notices.getByRole('button', { name: `Open ${flapping.number}`, exact: true })).toHaveCount(1);
  expect(await boxesOverlap(notices, page.getByRole('main'))).toBe(false);
  await screenshot(page, 'tickets-notice');
  // It can be closed, and it goes by itself after a while (hovering or focusing it holds it).
  await expect(notices.getByRole('button', { name: `Dismiss the notice about ${flapping.number}` })).toBeVisible();
  await expect(notices.getByText(`An engineer answered ${flapping.number}`)).toHaveCount(0, { timeout: 30_000 });

  // On the request's own page the conversation itself shows the answer: no notice for it.
  const id = await sentRequest(preview, 'Optics report high temperature');
  const { number } = await preview.services.tickets.get(id);
  await page.goto(`${new URL(preview.url).origin}/#/tickets/${id}`);
  await expect(page.getByText(/Could you send the output/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Waiting for you').first()).toBeVisible();
  await expect(notices.getByText(number)).toHaveCount(0);

  // Elsewhere, a status notice is removed once the status moves on again (here: reopened elsewhere).
  await page.getByRole('textbox', { name: 'Your reply' }).fill('Temperature log: 71 °C on port 3.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('In progress').first()).toBeVisible();
  await serviceRequests(page).click();
  const resolved = notices.getByText(new RegExp(`${number}.*Status: Resolved`));
  await expect(resolved).toBeVisible({ timeout: 20_000 });
  await preview.services.tickets.reopen(id);
  await expect(resolved).toHaveCount(0, { timeout: 20_000 });
});

test('offline: the list shows the requests known on this computer and says so; a request started offline gets its contact details when the profile arrives (bug 6)', async ({ page, context }) => {
  await signedIn(page, context);
  await sentRequest(preview, 'Uplink errors on rack 7');
  await sentRequest(preview, 'Transceiver alarms in rack 9');
  await serviceRequests(page).click();
  await expect(page.getByRole('link', { name: /Uplink errors on rack 7/ })).toBeVisible();

  link.down();
  await page.reload();
  await expect(page.getByText(/You are offline\. These are the service requests known on this computer/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: /Uplink errors on rack 7/ })).toBeVisible();
  await expect(page.getByText('The service requests could not be loaded.')).toHaveCount(0);
  // Filters still work on what is known.
  await page.getByRole('searchbox', { name: 'Search' }).fill('transceiver');
  await expect(page.getByRole('link', { name: /Transceiver alarms in rack 9/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Uplink errors on rack 7/ })).toHaveCount(0);
  await screenshot(page, 'tickets-offline-list');

  // Started before the profile could load: empty contact details, filled in once it arrives.
  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Console port dead');
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Phone' }).fill('+49 30 1234567'); // what the user typed stays
  link.up();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Alice Becker', { timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Northwind Networks');
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue('+49 30 1234567');
  await expect
    .poll(() => preview.services.tickets.listDrafts().map((d) => preview.services.tickets.getDraft(d.id).values.contact.name))
    .toEqual(['Alice Becker']);
});

test('the access application states its rules before sending and checks the reason as it is typed', async ({ page, context }) => {
  await signedIn(page, context);
  await page.getByRole('navigation').getByRole('link', { name: 'Software' }).click();
  await page.getByRole('button', { name: 'Apply for access to svault-3.0.1-controller.bin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply for access: StorageVault Controller' });
  const reason = dialog.getByRole('textbox', { name: 'What do you need it for?' });
  await expect(reason).toHaveAccessibleDescription(/At least 5 and at most 2000 characters/);
  await reason.fill('abc');
  await reason.blur();
  await expect(dialog.getByText('At least 5 characters: 2 more.')).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill('abcde');
  await expect(reason).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/At least 5 characters: \d+ more/)).toHaveCount(0);
});
