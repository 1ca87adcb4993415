import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { startTestApi, type TestApi } from '../server/helpers';
import { BERND } from './api-helpers';
import { newKey, signedIn, ticketBody } from '../tickets/ticket-api-helpers';
import { databaseKeyOf } from '../../../main/services/local-db/local-database';
import { readBackup } from '../../../main/services/recovery/outbox-backup';
import { desktopApp, disposeDesktopApps } from './desktop-app';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi({ now: Date.now })));
afterAll(async () => {
  await disposeDesktopApps();
  await api.close();
});

const LI = DEMO_USERS[3]!;
const LATER = Date.now() + 86_400_000; // queued rows that no loop sends during the test

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}
const holding = (dir: string, text: string) => filesUnder(dir).filter((file) => readFileSync(file).toString('latin1').includes(text));

/** Rows of one person in every user-keyed local table, as the tickets and docs services write them. */
function plantRows(db: ReturnType<typeof desktopApp>['services']['localDb'], userId: string, canary: string, stagedId: string) {
  db.prepare(
    `INSERT INTO tickets_outbox (user_id, kind, idempotency_key, label, payload_json, next_attempt_at, created_at) VALUES (?, 'reply', ?, ?, ?, ?, 1)`,
  ).run(userId, `key-${canary}`, canary, JSON.stringify({ body: canary }), LATER);
  db.prepare(`INSERT INTO docs_feedback_outbox (user_id, idempotency_key, payload_json, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 1)`).run(
    userId, `fb-${canary}`, JSON.stringify({ comment: canary }), LATER,
  );
  db.prepare(`INSERT INTO tickets_unread (user_id, ticket_id) VALUES (?, ?)`).run(userId, `ticket-${canary}`);
  db.prepare(`INSERT INTO tickets_staged (id, user_id, name, size, sha256, created_at) VALUES (?, ?, ?, 1, 'x', 1)`).run(stagedId, userId, `${canary}.txt`);
}

describe('erasure on this computer (P5.4)', () => {
  it('P5.4 a confirmed erasure removes the erased account\'s drafts, queues, staged files and read state here, keeps another user\'s, and says what went', async () => {
    const app = desktopApp(api, LI);
    await app.signIn();
    const { tickets, localDb } = app.services;
    const canary = `erased-${Date.now().toString(36)}`;
    const colleague = `colleague-${Date.now().toString(36)}`;

    // The erased person's own work, written through the app where it has a way to write it.
    const draft = await tickets.newDraft();
    tickets.saveDraft(draft.id, { ...draft.values, title: canary, description: `Printer fails (${canary})` });
    // A request of theirs (sent from elsewhere), listed here: the copy kept for offline use holds its title.
    const li = await signedIn(api.url, LI);
    expect(await li('POST', '/tickets', { body: ticketBody({ title: `Sent ${canary}`, deviceSerial: '' }), key: newKey() })).toMatchObject({ status: 201 });
    expect((await tickets.list()).items.map((t) => t.title)).toContain(`Sent ${canary}`);
    const staged = await tickets.stageBytes(`${canary}.log`, Buffer.from(`log ${canary}`).toString('base64'));
    plantRows(localDb, LI.id, canary, 'staged-by-sql');
    // A colleague who uses the same computer: rows and a staged file of their own.
    localDb.prepare(
      `INSERT INTO tickets_drafts (id, user_id, kind, values_json, created_at, updated_at) VALUES ('colleague-draft', ?, 'ticket', ?, 1, 1)`,
    ).run(BERND.id, JSON.stringify({ title: colleague }));
    plantRows(localDb, BERND.id, colleague, 'colleague-file');
    localDb.prepare(`INSERT INTO tickets_known (user_id, ticket_id, summary_json) VALUES (?, ?, ?)`).run(BERND.id, `ticket-${colleague}`, JSON.stringify({ title: colleague }));
    mkdirSync(join(app.dataDir, 'tickets-staged'), { recursive: true });
    writeFileSync(join(app.dataDir, 'tickets-staged', 'colleague-file'), colleague);
    expect(holding(app.dataDir, canary).length).toBeGreaterThan(0);
    // Issue 19's last-known-good copy of the outbox and drafts has caught up (it is polled every 2 s): the erasure must empty it too.
    // The copy is sealed with the database's key (P6.1): read through it.
    const backupText = () => JSON.stringify(readBackup(join(app.dataDir, 'local.sqlite.backup.json'), databaseKeyOf(localDb)));
    await expect.poll(() => backupText().includes(canary), { timeout: 10_000 }).toBe(true);

    const request = await app.services.privacy.createRequest({ kind: 'erase' });
    const confirmed = await app.services.privacy.confirmRequest(request.id);

    expect(confirmed).toMatchObject({ kind: 'erase', status: 'completed', localErasure: { filesLeft: [], error: null } });
    const removed = Object.fromEntries(confirmed.localErasure!.removed.map(({ id, count }) => [id, count]));
    expect(removed).toMatchObject({ 'ticket-drafts': 1, 'ticket-outbox': 1, 'staged-attachments': 2, 'ticket-list-copy': 1, 'docs-feedback': 1 });
    expect(removed['ticket-read-state']).toBeGreaterThanOrEqual(1);
    expect(app.services.session.get()).toMatchObject({ status: 'signed-out', lastError: { message: expect.stringMatching(/deleted/) } });

    // Nothing of the erased account is left in any file: database, WAL, staged files, token file, the outbox copy.
    expect(holding(app.dataDir, canary)).toEqual([]);
    expect(backupText()).toContain(colleague);
    expect(backupText()).not.toContain(canary);
    expect(holding(app.dataDir, LI.email)).toEqual([]);
    expect(existsSync(join(app.dataDir, 'tickets-staged', staged.id))).toBe(false);
    expect(existsSync(join(app.dataDir, 'session.bin'))).toBe(false);

    // The colleague's work is untouched.
    const count = (table: string) => (localDb.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`).get(BERND.id) as { n: number }).n;
    expect(['tickets_drafts', 'tickets_outbox', 'docs_feedback_outbox', 'tickets_unread', 'tickets_staged', 'tickets_known'].map(count)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(readFileSync(join(app.dataDir, 'tickets-staged', 'colleague-file'), 'utf8')).toBe(colleague);
  });

  it('P5.4 rows deleted before the erasure (a submitted draft, a delivered request) leave no trace in local.sqlite or its WAL afterwards (attack finding 2)', async () => {
    const chen = DEMO_USERS[2]!;
    const app = desktopApp(api, chen);
    await app.signIn();
    const { tickets } = app.services;
    const canary = `freed-${Date.now().toString(36)}`;

    // Written, submitted (the draft row is deleted), delivered (the outbox row is deleted): all before the erasure.
    const draft = await tickets.newDraft();
    tickets.saveDraft(draft.id, {
      ...draft.values, title: `Disk array offline ${canary}`, description: `Controller B fails after the update (${canary}).`,
      product: 'Edge Router', version: '9.2', severity: 'medium', category: 'malfunction',
      contact: { ...draft.values.contact, name: chen.name, email: chen.email },
    });
    tickets.submitDraft(draft.id);
    await tickets.outbox.flush();
    expect(tickets.listDrafts()).toEqual([]);
    expect(tickets.outboxItems()).toEqual([]);
    expect((await tickets.list({ q: canary })).items).toHaveLength(1);

    const request = await app.services.privacy.createRequest({ kind: 'erase' });
    expect(await app.services.privacy.confirmRequest(request.id)).toMatchObject({ status: 'completed', localErasure: { filesLeft: [], error: null } });

    // The raw bytes of the database and its write-ahead log, free pages and freed cells included.
    for (const file of ['local.sqlite', 'local.sqlite-wal'].map((name) => join(app.dataDir, name)).filter((file) => existsSync(file))) {
      const bytes = readFileSync(file).toString('latin1');
      expect(bytes.includes(canary), `${file} holds the request text`).toBe(false);
      expect(bytes.includes(chen.email), `${file} holds the e-mail address`).toBe(false);
    }
    expect(holding(app.dataDir, canary)).toEqual([]);
  });

  it('P5.4 a restriction confirmed from the app leaves this computer\'s data alone', async () => {
    const app = desktopApp(api, BERND);
    await app.signIn();
    const draft = await app.services.tickets.newDraft();
    app.services.tickets.saveDraft(draft.id, { ...draft.values, title: 'Kept through a restriction' });
    const request = await app.services.privacy.createRequest({ kind: 'restrict' });
    const confirmed = await app.services.privacy.confirmRequest(request.id);
    expect(confirmed).toMatchObject({ status: 'completed' });
    expect(confirmed.localErasure).toBeUndefined();
    expect(app.services.session.get()).toMatchObject({ status: 'signed-in' });
    expect(app.services.tickets.listDrafts().map((d) => d.id)).toContain(draft.id);
  });
});
