import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeedbackRefusal } from '../../../main/services/docs/feedback-outbox';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopFeedback } from './desktop-feedback';

const [ALICE, BERND] = DEMO_USERS;
const LIBRARY = 'contoso-storage-4-0-en';
/** Faults the server injects, set per test. */
const faults = { dropAfterCommit: 0 };
let api: TestApi;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({
    accessTokenTtlSeconds: 24 * 3600,
    configure: (app) => {
      // The server has stored the feedback; the connection drops before the answer leaves.
      app.addHook('onSend', async (request, reply, payload) => {
        if (faults.dropAfterCommit > 0 && request.method === 'POST' && request.url === '/docs/feedback' && reply.statusCode === 201) {
          faults.dropAfterCommit--;
          request.raw.socket.destroy();
        }
        return payload;
      });
    },
  });
  for (const user of [ALICE, BERND]) tokens[user.id] = (await signInWithPassword(api.url, user.email, user.password)).access_token;
});
afterAll(() => api.close());

/** What the service stored for this user, oldest first. */
const stored = (userId: string, commentPrefix: string) =>
  (api.app.db.prepare("SELECT comment FROM doc_feedback WHERE user_id = ? AND comment LIKE ? || '%' ORDER BY rowid").all(userId, commentPrefix) as { comment: string }[]).map((r) => r.comment);
const feedback = (comment: string, topicId = 'installation') => ({ library: LIBRARY, topicId, helpful: false, comment });

describe('documentation feedback written offline (P2.1)', () => {
  it('P2.1 online, feedback is sent at once and nothing stays on this computer', async () => {
    const app = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!);
    expect(await app.docs.feedback(feedback('Online: step 2 is clear'))).toEqual({ state: 'sent' });
    expect(app.docs.queuedFeedback()).toBe(0);
    expect(stored(ALICE.id, 'Online:')).toEqual(['Online: step 2 is clear']);
    app.close();
  });

  it('P2.1 offline feedback is kept on this computer and sent once, in order, when the network monitor sees the service again', async () => {
    const app = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!, { net: { up: false } });
    expect(await app.docs.feedback(feedback('Offline 1: figure 3 is missing'))).toEqual({ state: 'queued' });
    expect(await app.docs.feedback(feedback('Offline 2: the CLI flag is wrong'))).toEqual({ state: 'queued' });
    expect(app.docs.queuedFeedback()).toBe(2);
    expect(app.queue()[0]!.lastError).toMatch(/Cannot reach/);
    expect(stored(ALICE.id, 'Offline')).toEqual([]);

    app.net.up = true;
    await app.network.check();
    await vi.waitFor(() => expect(app.docs.queuedFeedback()).toBe(0));
    expect(stored(ALICE.id, 'Offline')).toEqual(['Offline 1: figure 3 is missing', 'Offline 2: the CLI flag is wrong']);

    // The network going away and coming back again sends nothing twice.
    app.network.report(false, 'cable out');
    await app.network.check();
    await app.docs.feedbackOutbox.flush();
    expect(stored(ALICE.id, 'Offline')).toHaveLength(2);
    app.close();
  });

  it('P2.1 the connection drops after the service stored the feedback: the retry repeats the key and it is stored exactly once', async () => {
    // A long first wait, so the test (not the timer) decides when the retry goes.
    const app = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!, { baseDelayMs: 60_000 });
    faults.dropAfterCommit = 1;
    expect(await app.docs.feedback(feedback('Dropped answer: the table is cut off'))).toEqual({ state: 'queued' });
    const [item] = app.queue();
    expect(item).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/Cannot reach/) });
    expect(stored(ALICE.id, 'Dropped answer')).toHaveLength(1);

    await app.docs.feedbackOutbox.flush({ ignoreBackoff: true });
    expect(app.docs.queuedFeedback()).toBe(0);
    expect(stored(ALICE.id, 'Dropped answer')).toHaveLength(1);
    expect(api.app.db.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE user_id = ? AND key = ?').get(ALICE.id, item!.key)).toEqual({ n: 1 });
    app.close();
  });

  it('P2.1 feedback queued before the app closed is sent by the next start over the same database file', async () => {
    const first = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!, { net: { up: false } });
    await first.docs.feedback(feedback('Restart 1: typo in the heading'));
    await first.docs.feedback(feedback('Restart 2: link is broken'));
    const keys = first.queue().map((row) => row.key);
    first.close();

    const restarted = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!, { dataDir: first.dataDir });
    expect(restarted.queue().map((row) => row.key)).toEqual(keys);
    void restarted.docs.start();
    await vi.waitFor(() => expect(restarted.docs.queuedFeedback()).toBe(0));
    expect(stored(ALICE.id, 'Restart')).toEqual(['Restart 1: typo in the heading', 'Restart 2: link is broken']);
    restarted.close();
  });

  it('P2.1 a refusal (400, 404, 422) drops the item with the service’s message; the items behind it are still delivered', async () => {
    const app = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!);
    await app.docs.feedback(feedback('Refusals: first, sent'));
    const [used] = api.app.db.prepare('SELECT key FROM idempotency_keys WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').all(ALICE.id) as { key: string }[];

    app.net.up = false;
    await app.docs.feedback(feedback('Refusals: unknown topic', 'no-such-topic'));
    await app.docs.feedback(feedback('Refusals: reused key'));
    await app.docs.feedback(feedback('Refusals: too long'));
    await app.docs.feedback(feedback('Refusals: last, sent'));
    // A queue tampered with (or written by a build with looser rules): another item's key, a comment over the limit.
    const seqs = app.db.prepare('SELECT seq FROM docs_feedback_outbox ORDER BY seq').all() as { seq: number }[];
    app.db.prepare('UPDATE docs_feedback_outbox SET idempotency_key = ? WHERE seq = ?').run(used!.key, seqs[1]!.seq);
    app.db.prepare('UPDATE docs_feedback_outbox SET payload_json = ? WHERE seq = ?').run(JSON.stringify(feedback('x'.repeat(2001))), seqs[2]!.seq);
    const refusals: FeedbackRefusal[] = [];
    app.docs.onDidRefuseFeedback.on((refusal) => refusals.push(refusal));

    app.net.up = true;
    await app.network.check();
    await vi.waitFor(() => expect(app.docs.queuedFeedback()).toBe(0));
    expect(refusals.map((r) => [r.topicId, r.error.code, r.error.message])).toEqual([
      ['no-such-topic', 'not_found', 'This topic was not found.'],
      ['installation', 'validation', expect.stringMatching(/different request/)],
      ['installation', 'validation', 'Some values are not valid.'],
    ]);
    expect(refusals[2]!.error.fields).toMatchObject({ comment: 'At most 2,000 characters.' });
    expect(stored(ALICE.id, 'Refusals')).toEqual(['Refusals: first, sent', 'Refusals: last, sent']);
    app.close();
  });

  it('P2.1 sent at once but refused: the call fails with the service’s message and nothing is kept', async () => {
    const app = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!);
    await expect(app.docs.feedback(feedback('Refused now', 'no-such-topic'))).rejects.toMatchObject({ code: 'not_found', message: 'This topic was not found.' });
    expect(app.docs.queuedFeedback()).toBe(0);
    app.close();
  });

  it('P2.1 one person’s queued feedback is never sent with another’s session', async () => {
    const alice = desktopFeedback(api.url, ALICE, tokens[ALICE.id]!, { net: { up: false } });
    await alice.docs.feedback(feedback('Isolation: Alice only'));
    alice.close();
    const bernd = desktopFeedback(api.url, BERND, tokens[BERND.id]!, { dataDir: alice.dataDir });
    expect(bernd.docs.queuedFeedback()).toBe(0);
    await bernd.docs.feedbackOutbox.flush();
    expect(bernd.queue()).toHaveLength(1);
    expect(stored(BERND.id, 'Isolation')).toEqual([]);
    expect(stored(ALICE.id, 'Isolation')).toEqual([]);
    bernd.close();
  });
});
