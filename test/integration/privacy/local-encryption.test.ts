import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTicketsStore } from '../../../main/services/tickets/tickets-store';
import { databaseKeyOf, isPlainSqliteFile } from '../../../main/services/local-db/local-database';
import { testSecrets } from '../../fakes/test-secrets';
import { startTestApi, type TestApi } from '../server/helpers';
import { BERND } from './api-helpers';
import { newKey, signedIn, ticketBody } from '../tickets/ticket-api-helpers';
import { desktopApp, disposeDesktopApps, filesHolding } from './desktop-app';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ now: Date.now })));
afterAll(async () => {
  disposeDesktopApps();
  await api.close();
});

const holding = filesHolding;
const LATER = Date.now() + 86_400_000;

describe('the local database is encrypted at rest (P6.1)', () => {
  it('P6.1 a draft, a queued request, queued feedback, the ticket cache and a deleted row are readable through the app and in no raw file (database, WAL, free pages, outbox copy, key file)', async () => {
    const secrets = testSecrets('os');
    const app = desktopApp(api, BERND, { secrets });
    await app.signIn();
    const { tickets, docs, localDb, privacy } = app.services;
    const canary = `p61-${Date.now().toString(36)}`;

    const draft = await tickets.newDraft();
    tickets.saveDraft(draft.id, { ...draft.values, title: `Draft ${canary}`, description: `Printer fails (${canary})` });
    localDb.prepare(`INSERT INTO tickets_outbox (user_id, kind, idempotency_key, label, payload_json, next_attempt_at, created_at) VALUES (?, 'reply', ?, ?, ?, ?, 1)`)
      .run(BERND.id, `key-${canary}`, `Queued ${canary}`, JSON.stringify({ body: canary, contact: { email: `${canary}@example.com` } }), LATER);
    docs.feedbackOutbox.enqueue(BERND.id, { library: 'contoso-storage-4-0-en', topicId: 'installation', helpful: false, comment: `Feedback ${canary}` });
    // A row written then deleted: its bytes went through the WAL and a page that is now free.
    const gone = await tickets.newDraft();
    tickets.saveDraft(gone.id, { ...gone.values, title: `Deleted ${canary}` });
    await tickets.deleteDraft(gone.id);
    // The outbox copy (polled every 2 s) has caught up with the queued request.
    const copy = join(app.dataDir, 'local.sqlite.backup.json');
    await expect.poll(() => existsSync(copy) && statSync(copy).size > 1000, { timeout: 10_000 }).toBe(true);

    // The app reads all of it: the test would pass vacuously if nothing had been written.
    expect(tickets.listDrafts().map((d) => d.title)).toContain(`Draft ${canary}`);
    expect(tickets.outboxItems().map((item) => item.label)).toContain(`Queued ${canary}`);
    expect(docs.queuedFeedback()).toBe(1);
    expect(existsSync(join(app.dataDir, 'local.sqlite-wal')) && statSync(join(app.dataDir, 'local.sqlite-wal')).size).toBeGreaterThan(0);

    // The copy of the person's service requests kept for offline reading (the ticket cache).
    const bernd = await signedIn(api.url, BERND);
    expect(await bernd('POST', '/tickets', { body: ticketBody({ title: `Sent ${canary}`, deviceSerial: '' }), key: newKey() })).toMatchObject({ status: 201 });
    const cached = (await tickets.list()).items.map((t) => t.title);
    expect(cached).toContain(`Sent ${canary}`);

    // No file of the folder holds any of it in clear, nor SQLite's plain header.
    expect(holding(app.dataDir, canary)).toEqual([]);
    for (const title of cached) expect(holding(app.dataDir, title), title).toEqual([]);
    expect(isPlainSqliteFile(join(app.dataDir, 'local.sqlite'))).toBe(false);
    // The key file holds the OS store's ciphertext, not the key.
    const key = databaseKeyOf(localDb)!;
    expect(holding(app.dataDir, key.toString('hex'))).toEqual([]);
    expect(readFileSync(join(app.dataDir, 'local.sqlite.key')).includes(key)).toBe(false);
    expect((await privacy.deviceData()).databaseKey).toBe('os-keyring');

    // After a checkpoint (the WAL folded into the file) the file still holds none of it.
    localDb.pragma('wal_checkpoint(TRUNCATE)');
    expect(holding(app.dataDir, canary)).toEqual([]);
  });

  it('P6.1 a plain local.sqlite from an older version (rows in its WAL too) is encrypted at the first start: the rows are kept, no clear copy is left', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'esd-p61-'));
    const canary = `legacy-${Date.now().toString(36)}`;
    // An older version's file, written by plain better-sqlite3 and left as a crash leaves it: rows still in the WAL.
    const writer = mkdtempSync(join(tmpdir(), 'esd-p61-writer-'));
    const old = new BetterSqlite3(join(writer, 'local.sqlite'));
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE local_migrations (scope TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (scope, version))');
    migrateTicketsStore(old as never);
    old.prepare(`INSERT INTO tickets_drafts (id, user_id, kind, values_json, created_at, updated_at) VALUES ('old-draft', ?, 'ticket', ?, 1, 1)`)
      .run(BERND.id, JSON.stringify({ title: `Old ${canary}`, description: canary, attachmentIds: [] }));
    old.prepare(`INSERT INTO tickets_drafts (id, user_id, kind, values_json, created_at, updated_at) VALUES ('old-deleted', ?, 'ticket', ?, 1, 1)`)
      .run(BERND.id, JSON.stringify({ title: `Deleted ${canary}` }));
    old.prepare(`DELETE FROM tickets_drafts WHERE id = 'old-deleted'`).run();
    mkdirSync(dataDir, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(join(writer, `local.sqlite${suffix}`), join(dataDir, `local.sqlite${suffix}`));
    old.close();
    expect(holding(dataDir, canary).length).toBeGreaterThan(0);
    expect(readFileSync(join(dataDir, 'local.sqlite-wal')).toString('latin1')).toContain(canary);

    const app = desktopApp(api, BERND, { dataDir, secrets: testSecrets('os') });
    await app.signIn();

    expect(app.services.tickets.listDrafts().map((d) => d.title)).toContain(`Old ${canary}`);
    expect(app.services.recovery.report().items).toEqual([]);
    expect(holding(dataDir, canary)).toEqual([]);
    expect(isPlainSqliteFile(join(dataDir, 'local.sqlite'))).toBe(false);
  });

  it('P6.1 without an OS keyring the user is told, and one who chose not to keep local data gets a key in memory only: the next start begins empty, nothing readable left', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'esd-p61-nokeyring-'));
    const first = desktopApp(api, BERND, { dataDir, secrets: testSecrets('basic_text'), keepLocalDataWithoutKeyring: false });
    await first.signIn();
    const draft = await first.services.tickets.newDraft();
    first.services.tickets.saveDraft(draft.id, { ...draft.values, title: 'Only for this run' });
    expect((await first.services.privacy.deviceData()).databaseKey).toBe('memory');
    expect(existsSync(join(dataDir, 'local.sqlite.key'))).toBe(false);
    expect(holding(dataDir, 'Only for this run')).toEqual([]);
    disposeDesktopApps();

    const second = desktopApp(api, BERND, { dataDir, secrets: testSecrets('basic_text'), keepLocalDataWithoutKeyring: false });
    await second.signIn();
    expect(second.services.tickets.listDrafts()).toEqual([]);
    expect(second.services.recovery.report().items).toEqual([]);

    // The default: kept between runs with the key beside the database, and This computer says so.
    const kept = desktopApp(api, BERND, { secrets: testSecrets('basic_text') });
    expect((await kept.services.privacy.deviceData()).databaseKey).toBe('without-keyring');
  });
});
