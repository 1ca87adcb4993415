import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startPreview } from '../../main/preview/start-preview';
import { startApiServer, type ApiServerHandle } from '../../server/app';
import { DEMO_USERS } from '../../server/db/seed-demo';
import { TicketRepository } from '../../server/tickets/ticket-repository';
import { desktopTickets, filledDraft, queueRequest } from '../integration/tickets/desktop-tickets';
import { newKey, ticketBody } from '../integration/tickets/ticket-api-helpers';
import { launchChromium, signIn } from './browser';

const [ALICE, BERND] = DEMO_USERS;
const LIST_SIZE = Number(process.env.BENCH_TICKETS_LIST ?? 10_000);
const BASELINE_LIST_SIZE = 10;
const OUTBOX_ITEMS = Number(process.env.BENCH_TICKETS_OUTBOX ?? 1000);
const say = (line: string) => console.error(`bench tickets: ${line}`);

/** Requests straight into the server's database (as if filed over years), fast enough for 10,000. */
function seedTickets(api: ApiServerHandle, userId: string, count: number): void {
  const repo = new TicketRepository(api.db);
  const viewer = repo.viewer(userId)!;
  api.db.transaction(() => {
    for (let i = 0; i < count; i++) repo.create(viewer, ticketBody({ title: `Bench request ${i}`, deviceSerial: '' }), '127.0.0.1', Date.UTC(2026, 0, 1) + i * 60_000);
  })();
}

/** Time from opening Service requests to the first rows on screen, and how many rows the DOM holds. */
async function measureList(url: string, user: { email: string; password: string }): Promise<{ ms: number; rows: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    // The preview's main process keeps its session between browsers: start from signed out.
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await Promise.race([signOut.waitFor(), page.getByRole('button', { name: 'Sign in with your browser' }).waitFor()]);
    if (await signOut.isVisible()) await signOut.click();
    await signIn(page, user);
    const start = performance.now();
    await page.getByRole('navigation').getByRole('link', { name: 'Service requests' }).click();
    await page.locator('[data-ticket-row]').first().waitFor();
    const ms = performance.now() - start;
    return { ms, rows: await page.locator('[data-ticket-row]').count() };
  } finally {
    await browser.close();
  }
}

/** Items per second: a plain sequential POST loop (baseline), then the outbox flushing as many queued requests. */
async function measureOutbox(apiUrl: string): Promise<{ outbox: number; baseline: number }> {
  const app = await desktopTickets(apiUrl, { ...ALICE }, { net: { up: false }, outbox: { baseDelayMs: 60_000 } });
  const body = JSON.stringify({ ...filledDraft('Baseline loop'), attachmentIds: undefined });
  let start = performance.now();
  for (let i = 0; i < OUTBOX_ITEMS; i++) {
    const response = await fetch(`${apiUrl}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json', 'idempotency-key': newKey() },
      body,
    });
    if (response.status !== 201) throw new Error(`Baseline POST answered ${response.status}`);
  }
  const baseline = OUTBOX_ITEMS / ((performance.now() - start) / 1000);
  say('baseline loop done');

  for (let i = 0; i < OUTBOX_ITEMS; i++) {
    await queueRequest(app.service, `Outbox bench ${i}`);
    if (i % 250 === 249) say(`${i + 1} queued offline`);
  }
  app.net.up = true;
  start = performance.now();
  await app.service.sendNow();
  // A first attempt can still fail (a pooled connection the server closed meanwhile): the outbox
  // retries on its own, so the clock runs until the queue is empty.
  while (app.service.outboxItems().length) {
    if (performance.now() - start > 15 * 60_000) throw new Error(`The outbox did not deliver everything: ${app.service.outboxItems()[0]?.lastError ?? 'no error'}.`);
    // Every 100 ms: listing a long queue more often would slow down the very delivery it measures.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const outbox = OUTBOX_ITEMS / ((performance.now() - start) / 1000);
  app.close();
  return { outbox, baseline };
}

export async function benchTickets(): Promise<Record<string, number>> {
  process.env.SUPPORT_DEMO_ENGINEER_DELAY_MS = String(365 * 24 * 3600_000); // no demo replies during the run
  await build({ configFile: 'vite.preview.config.ts', logLevel: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-tickets-'));
  // Tokens outlive a slow run (a loaded build machine takes minutes for the loops below).
  const api = await startApiServer({ dbPath: join(dir, 'api.sqlite'), seedDemoData: true, accessTokenTtlSeconds: 24 * 3600 });
  const preview = await startPreview({ dataDir: join(dir, 'app'), apiUrl: api.url });
  try {
    say('seeding');
    seedTickets(api, ALICE.id, LIST_SIZE);
    seedTickets(api, BERND.id, BASELINE_LIST_SIZE);
    say('baseline list');
    const baseline = await measureList(preview.url, BERND);
    say('list');
    const list = await measureList(preview.url, ALICE);
    // The preview (signed in as Alice, following her feed of 10,000 requests) would compete with the
    // outbox for the same server; the outbox runs without it.
    await preview.close();
    say('outbox');
    const outbox = await measureOutbox(api.url);
    return {
      listTickets: LIST_SIZE,
      listFirstRowsMs: Math.round(list.ms),
      domRows: list.rows,
      baselineListTickets: BASELINE_LIST_SIZE,
      baselineListFirstRowsMs: Math.round(baseline.ms),
      listFirstRowsRatio: Number((list.ms / baseline.ms).toFixed(2)),
      outboxItems: OUTBOX_ITEMS,
      outboxItemsPerSecond: Math.round(outbox.outbox),
      baselineSequentialPostsPerSecond: Math.round(outbox.baseline),
      outboxRatio: Number((outbox.outbox / outbox.baseline).toFixed(2)),
    };
  } finally {
    await preview.close().catch(() => undefined); // closed already unless the list part failed
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
