import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopTickets, filledDraft, queueRequest } from './desktop-tickets';
import { ALICE, BERND } from './ticket-api-helpers';

/** Faults the server injects, set per test. */
const faults = { dropAfterCommit: 0, badGateway: 0 };
let api: TestApi;
const serverTickets = (titlePrefix: string) =>
  api.app.db.prepare("SELECT title, number_seq FROM tickets WHERE title LIKE ? || '%' ORDER BY number_seq").all(titlePrefix) as { title: string; number_seq: number }[];

beforeAll(async () => {
  api = await startTestApi({
    accessTokenTtlSeconds: 24 * 3600,
    configure: (app) => {
      app.addHook('onRequest', async (request, reply) => {
        if (faults.badGateway > 0 && request.method === 'POST' && request.url === '/tickets') {
          faults.badGateway--;
          return reply.code(502).type('text/html').send('<h1>502 Bad Gateway</h1>');
        }
      });
      // The server has committed; the connection drops before the answer leaves.
      app.addHook('onSend', async (request, reply, payload) => {
        if (faults.dropAfterCommit > 0 && request.method === 'POST' && request.url === '/tickets' && reply.statusCode === 201) {
          faults.dropAfterCommit--;
          request.raw.socket.destroy();
        }
        return payload;
      });
    },
  });
});
afterAll(() => api.close());

describe('the outbox delivers each request exactly once', () => {
  it('a connection dropped after the server committed: the retry yields exactly one request', async () => {
    const app = await desktopTickets(api.url, ALICE);
    faults.dropAfterCommit = 1;
    await queueRequest(app.service, 'Dropped answer: router reboots');
    await app.service.outbox.flush();
    expect(app.service.outboxItems()).toEqual([expect.objectContaining({ attempts: 1, lastError: expect.stringMatching(/Cannot reach/) })]);
    await vi.waitFor(() => expect(app.service.outboxItems()).toEqual([]));
    expect(serverTickets('Dropped answer')).toHaveLength(1);
    app.close();
  });

  it('the outbox torn down after sending, before recording the acknowledgement: on restart, exactly one request', async () => {
    const first = await desktopTickets(api.url, ALICE, {
      // Stands in for the process being killed: the database is closed and the run never finishes.
      outbox: { beforeAck: () => (first.close(), new Promise<never>(() => undefined)) },
    });
    await queueRequest(first.service, 'Torn down: storage array alarm');
    void first.service.outbox.flush();
    await vi.waitFor(() => expect(first.localDb.open).toBe(false));
    expect(serverTickets('Torn down')).toHaveLength(1);

    const restarted = await desktopTickets(api.url, ALICE, { dataDir: first.dataDir, token: first.token });
    expect(restarted.service.outboxItems()).toHaveLength(1); // the acknowledgement was never recorded
    await restarted.service.outbox.flush();
    expect(restarted.service.outboxItems()).toEqual([]);
    expect(serverTickets('Torn down')).toHaveLength(1);
    restarted.close();
  });

  it('fifty requests written offline are all delivered once, in order, when the network returns', async () => {
    const app = await desktopTickets(api.url, ALICE, { net: { up: false } });
    for (let i = 1; i <= 50; i++) await queueRequest(app.service, `Offline batch ${String(i).padStart(2, '0')}`);
    await app.service.outbox.flush();
    const waiting = app.service.outboxItems();
    expect(waiting).toHaveLength(50);
    // Only the head was tried (with backoff): later items never overtake it.
    expect(waiting[0]!.attempts).toBeGreaterThan(0);
    expect(waiting.slice(1).every((item) => item.attempts === 0)).toBe(true);
    expect(serverTickets('Offline batch')).toEqual([]);

    app.net.up = true;
    await app.service.sendNow();
    expect(app.service.outboxItems()).toEqual([]);
    const delivered = serverTickets('Offline batch').map((t) => t.title);
    expect(delivered).toEqual(Array.from({ length: 50 }, (_, i) => `Offline batch ${String(i + 1).padStart(2, '0')}`));
    app.close();
  });

  it('a storm of 502 answers: it backs off, doubling the wait, then delivers once', async () => {
    const app = await desktopTickets(api.url, ALICE, { outbox: { baseDelayMs: 5, maxDelayMs: 1000, random: () => 1 } });
    faults.badGateway = 5;
    await queueRequest(app.service, 'Storm: fan failure');
    await vi.waitFor(() => expect(app.service.outboxItems()).toEqual([]), { timeout: 5000 });
    const waits = app.service.log.lines().flatMap((line) => /next in (\d+) ms/.exec(line)?.[1] ?? []).map(Number);
    expect(waits.slice(-5)).toEqual([5, 10, 20, 40, 80]);
    expect(serverTickets('Storm')).toHaveLength(1);
    app.close();
  });

  it('the same key with a different body is refused (422) and the request returns to the drafts with the server’s message', async () => {
    const app = await desktopTickets(api.url, ALICE);
    await queueRequest(app.service, 'Key reuse: first body');
    await app.service.outbox.flush();
    const [used] = api.app.db.prepare('SELECT key FROM idempotency_keys ORDER BY created_at DESC, rowid DESC LIMIT 1').all() as { key: string }[];
    // A second submission that (through a bug or a tampered queue) carries the first one's key.
    app.net.up = false;
    const item = await queueRequest(app.service, 'Key reuse: second body');
    await app.service.outbox.flush();
    app.localDb.prepare('UPDATE tickets_outbox SET idempotency_key = ? WHERE seq = ?').run(used!.key, item.seq);
    app.net.up = true;
    await app.service.sendNow();
    expect(app.service.outboxItems()).toEqual([]);
    const drafts = app.service.listDrafts();
    expect(drafts[0]).toMatchObject({ title: 'Key reuse: second body', error: { code: 'validation', message: expect.stringMatching(/different request/) } });
    expect(app.service.getDraft(drafts[0]!.id).values.title).toBe('Key reuse: second body');
    expect(serverTickets('Key reuse')).toHaveLength(1);
    app.close();
  });

  it('sends only the signed-in user’s queue, with their own session', async () => {
    const alice = await desktopTickets(api.url, ALICE, { net: { up: false } });
    await queueRequest(alice.service, 'Isolation: Alice only');
    await alice.service.outbox.flush();
    alice.close();
    const bernd = await desktopTickets(api.url, BERND, { dataDir: alice.dataDir });
    expect(bernd.service.outboxItems()).toEqual([]);
    await bernd.service.outbox.flush();
    expect(serverTickets('Isolation')).toEqual([]);
    bernd.close();
  });
});

describe('attachments and replies through the outbox', () => {
  it('a request written offline with an attachment arrives with the same bytes (sha256), with upload progress', async () => {
    const app = await desktopTickets(api.url, ALICE, { net: { up: false } });
    const progress: number[] = [];
    app.service.onUploadProgress.on((p) => progress.push(p.sent));
    const file = await app.service.stageBytes('switch.log', Buffer.from('port 7 flapping\n'.repeat(4000)).toString('base64'));
    const draft = await app.service.newDraft();
    app.service.saveDraft(draft.id, filledDraft('With attachment: switch log', { attachmentIds: [file.id] }));
    app.service.submitDraft(draft.id);
    await app.service.outbox.flush();
    expect(app.service.outboxItems()).toHaveLength(1);

    app.net.up = true;
    await app.service.sendNow();
    const [ticket] = (await app.service.list({ q: 'With attachment' })).items;
    const detail = await app.service.get(ticket!.id);
    expect(detail.attachments).toEqual([expect.objectContaining({ name: 'switch.log', size: file.size, sha256: file.sha256 })]);
    expect(progress.at(-1)).toBe(file.size);
    expect(readdirSync(join(app.dataDir, 'tickets-staged'))).toEqual([]);
    app.close();
  });

  it('saves an attachment where the user chose, checked against its SHA-256; a damaged download never takes the name', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'esd-save-')), 'saved.log');
    const app = await desktopTickets(api.url, ALICE, { saveFileAs: async () => target });
    const file = await app.service.stageBytes('router.log', Buffer.from('line\n'.repeat(500)).toString('base64'));
    const draft = await app.service.newDraft();
    app.service.saveDraft(draft.id, filledDraft('Save attachment: router log', { attachmentIds: [file.id] }));
    app.service.submitDraft(draft.id);
    await app.service.outbox.flush();
    const [ticket] = (await app.service.list({ q: 'Save attachment' })).items;
    const [attachment] = (await app.service.get(ticket!.id)).attachments;
    expect(await app.service.saveAttachment(ticket!.id, attachment!.id)).toEqual({ saved: true, name: 'router.log' });
    expect(readFileSync(target, 'utf8')).toBe('line\n'.repeat(500));

    // The stored bytes change behind the service's back (same size): the copy is refused and nothing is written.
    writeFileSync(join(dirname(api.dbPath), 'ticket-attachments', attachment!.id), 'LINE\n'.repeat(500));
    rmSync(target);
    await expect(app.service.saveAttachment(ticket!.id, attachment!.id)).rejects.toMatchObject({ code: 'server', message: expect.stringMatching(/SHA-256/) });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dirname(target))).toEqual([]);
    app.close();
  });

  it('a reply to a closed request comes back to the reply box with the reason', async () => {
    const app = await desktopTickets(api.url, ALICE);
    await queueRequest(app.service, 'Reply refused: closed');
    await app.service.outbox.flush();
    const [ticket] = (await app.service.list({ q: 'Reply refused' })).items;
    await app.service.close(ticket!.id);
    app.service.reply(ticket!.id, 'Actually, one more detail.');
    await app.service.outbox.flush();
    expect(app.service.replyDraft(ticket!.id)).toMatchObject({ body: 'Actually, one more detail.', error: { code: 'conflict' } });
    app.close();
  });
});

describe('the change feed', () => {
  it('tells the user the moment the engineer answers, marks the request unread, and opening it marks it read', async () => {
    const app = await desktopTickets(api.url, ALICE);
    await app.service['follower'].poll(); // first run: starts from now
    await queueRequest(app.service, 'Feed: engineer replies');
    await app.service.outbox.flush();
    const [created] = (await app.service.list({ q: 'Feed: engineer' })).items;
    const replies: unknown[] = [];
    app.service.onDidReceiveReply.on((event) => replies.push(event));
    api.clock.advance(60_000);
    // Other tests' requests are answered too (a few per tick); wait for this one.
    await vi.waitFor(async () => {
      await app.service['follower'].poll();
      expect(replies).toContainEqual({ ticketId: created!.id, number: created!.number, kind: 'status', status: 'waiting_for_customer' });
    }, { timeout: 10_000 });
    expect(replies).toContainEqual({ ticketId: created!.id, number: created!.number, kind: 'reply', status: null });
    const [ticket] = (await app.service.list({ q: 'Feed: engineer' })).items;
    expect(ticket!.unread).toBe(true);
    await app.service.get(ticket!.id);
    expect((await app.service.list({ q: 'Feed: engineer' })).items[0]!.unread).toBe(false);
    app.close();
  });
});
