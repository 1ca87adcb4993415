import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsRepository } from '../../../server/docs/docs-repository';
import { CatalogueSchema } from '../../../shared/api/docs';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from '../server/helpers';

let api: TestApi;
const tokens: Record<string, string> = {};
const [ALICE, BERND, CHEN] = DEMO_USERS; // Alice and Bernd: one company; Chen: another

beforeAll(async () => {
  api = await startTestApi();
  for (const user of [ALICE, BERND, CHEN]) tokens[user.email] = (await signInWithPassword(api.url, user.email, user.password)).access_token;
});
afterAll(() => api.close());

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
const postFeedback = (body: unknown, token?: string) =>
  fetch(`${api.url}/docs/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('documentation catalogue and packages', () => {
  it('lists three products in two versions each (and one in Chinese), with size, topic count and checksum', async () => {
    const response = await get('/docs/libraries', tokens[ALICE.email]);
    expect(response.status).toBe(200);
    const { libraries } = CatalogueSchema.parse(await response.json());
    expect(new Set(libraries.map((l) => l.product)).size).toBe(3);
    expect(libraries.filter((l) => l.language === 'en')).toHaveLength(6);
    expect(libraries.filter((l) => l.language === 'zh-CN').map((l) => l.id)).toEqual(['contoso-storage-4-0-zh']);
    for (const library of libraries) expect(library.topicCount).toBeGreaterThan(20);
  });

  it('serves a package whose bytes match the catalogue sha256, and resumes from a byte offset', async () => {
    const { libraries } = CatalogueSchema.parse(await (await get('/docs/libraries', tokens[ALICE.email])).json());
    const library = libraries[0]!;
    const whole = Buffer.from(await (await get(`/docs/libraries/${library.id}/package`, tokens[ALICE.email])).arrayBuffer());
    expect(whole.length).toBe(library.packageSize);
    expect(createHash('sha256').update(whole).digest('hex')).toBe(library.sha256);
    const tail = await get(`/docs/libraries/${library.id}/package`, tokens[ALICE.email], { Range: 'bytes=100-' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes 100-${whole.length - 1}/${whole.length}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(100))).toBe(true);
    const beyond = await get(`/docs/libraries/${library.id}/package`, tokens[ALICE.email], { Range: `bytes=${whole.length}-` });
    expect(beyond.status).toBe(416);
  });

  it('refuses a library id that tries to walk a path', async () => {
    const response = await get('/docs/libraries/..%2F..%2Fetc/package', tokens[ALICE.email]);
    expect(response.status).toBe(400);
  });

  it('searches online across libraries with highlighted snippets, and fetches a topic', async () => {
    const response = await get('/docs/search?q=configuring%20snapsh', tokens[ALICE.email]);
    const { hits } = (await response.json()) as { hits: { library: string; topicId: string; title: string; snippet: string }[] };
    expect(hits[0]).toMatchObject({ title: 'Configuring snapshot' });
    expect(hits[0]!.snippet).toContain('\u0002');
    const topic = await get(`/docs/libraries/${hits[0]!.library}/topics/${hits[0]!.topicId}`, tokens[ALICE.email]);
    expect(await topic.json()).toMatchObject({ title: 'Configuring snapshot', html: expect.stringContaining('<h1>') });
    expect((await get('/docs/search?q=%22NEAR(%20*%3A', tokens[ALICE.email])).status).toBe(200);
    expect((await get('/docs/search?q=', tokens[ALICE.email])).status).toBe(400);
  });

  it('finds a Chinese word in the middle of a sentence online, and not characters that are apart', async () => {
    const manifest = {
      format: 1 as const, id: 'fixture-zh-1-0-zh', product: 'Fixture', version: '1.0', language: 'zh-CN', title: 'Fixture 1.0',
      updatedAt: '2026-01-01T00:00:00.000Z', toc: [], topics: [{ id: 'bonding', title: '配置网络绑定', file: 'topics/bonding.html' }],
    };
    const html = new Map([['bonding', '<html><body><h1>配置网络绑定</h1><p>网络绑定把多个接口合并为一个逻辑链路。</p></body></html>']]);
    new DocsRepository(api.app.db).putLibrary(manifest, html, { data: Buffer.from('zh'), sha256: '0'.repeat(64) });
    const search = async (q: string) => ((await (await get(`/docs/search?q=${encodeURIComponent(q)}`, tokens[ALICE.email])).json()) as { hits: { topicId: string; title: string; snippet: string }[] }).hits;
    const [hit] = await search('逻辑链路');
    expect(hit).toMatchObject({ topicId: 'bonding', title: '配置网络绑定' });
    expect(hit!.snippet).toContain('\u0002逻辑链路\u0003');
    expect(hit!.snippet).not.toContain('\u200b');
    expect(await search('链路网络')).toEqual([]);
  });
});

describe('authorization on every docs route', () => {
  const routes = ['/docs/libraries', '/docs/libraries/contoso-storage-4-0-en/package', '/docs/search?q=volume', '/docs/libraries/contoso-storage-4-0-en/topics/installation', '/docs/feedback'];

  it.each(routes)('anonymous callers get 401 from %s', async (path) => {
    expect((await get(path)).status).toBe(401);
  });

  it('keeps feedback against its author (P2.1): the owner sees it, another user and another company do not', async () => {
    const created = await postFeedback({ library: 'contoso-storage-4-0-en', topicId: 'installation', helpful: false, comment: 'Step 3 is unclear.' }, tokens[ALICE.email]);
    expect(created.status).toBe(201);
    const mine = (await (await get('/docs/feedback', tokens[ALICE.email])).json()) as { feedback: { comment: string }[] };
    expect(mine.feedback.map((f) => f.comment)).toContain('Step 3 is unclear.');
    for (const other of [BERND, CHEN]) {
      const theirs = (await (await get('/docs/feedback', tokens[other.email])).json()) as { feedback: unknown[] };
      expect(theirs.feedback).toEqual([]);
    }
    expect((await postFeedback({ library: 'contoso-storage-4-0-en', topicId: 'installation', helpful: true })).status).toBe(401);
  });

  it('refuses feedback on a topic that does not exist, or with unknown fields, and stores nothing', async () => {
    expect((await postFeedback({ library: 'contoso-storage-4-0-en', topicId: 'no-such-topic', helpful: true }, tokens[CHEN.email])).status).toBe(404);
    expect((await postFeedback({ library: 'contoso-storage-4-0-en', topicId: 'installation', helpful: true, userId: ALICE.id }, tokens[CHEN.email])).status).toBe(400);
    const chen = (await (await get('/docs/feedback', tokens[CHEN.email])).json()) as { feedback: unknown[] };
    expect(chen.feedback).toEqual([]);
  });
});

describe('feedback with an Idempotency-Key (P2.1: sent exactly once from the desktop outbox)', () => {
  const LI = DEMO_USERS[3]!;
  const body = { library: 'contoso-storage-4-0-en', topicId: 'installation', helpful: true, comment: 'Keyed: the diagram helped.' };
  const postKeyed = (payload: unknown, key: string, token: string) =>
    fetch(`${api.url}/docs/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key },
      body: JSON.stringify(payload),
    });
  const rows = (userId: string) => (api.app.db.prepare("SELECT id FROM doc_feedback WHERE user_id = ? AND comment LIKE 'Keyed:%'").all(userId) as { id: string }[]).map((r) => r.id);
  beforeAll(async () => void (tokens[LI.email] = (await signInWithPassword(api.url, LI.email, LI.password)).access_token));

  it('P2.1 the same key with the same body stores one feedback and answers the first result again', async () => {
    const first = await postKeyed(body, 'esd-keyed-same-1', tokens[LI.email]!);
    const again = await postKeyed(body, 'esd-keyed-same-1', tokens[LI.email]!);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await again.json()).toEqual(await first.json());
    expect(rows(LI.id)).toHaveLength(1);
  });

  it('P2.1 the same key with another body is refused with 422 and stores nothing', async () => {
    const response = await postKeyed({ ...body, comment: 'Keyed: something else.' }, 'esd-keyed-same-1', tokens[LI.email]!);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'validation', message: expect.stringMatching(/different request/) } });
    expect(rows(LI.id)).toHaveLength(1);
  });

  it('P2.1 a malformed key is refused with 400 and stores nothing', async () => {
    for (const key of ['short', 'has spaces in it', 'x'.repeat(129), 'ünïcode-key']) {
      const response = await postKeyed({ ...body, comment: 'Keyed: malformed.' }, key, tokens[LI.email]!);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'validation', fields: { 'Idempotency-Key': expect.stringMatching(/8 to 128/) } } });
    }
    expect(rows(LI.id)).toHaveLength(1);
  });

  it('P2.1 keys belong to their user: another user sending the same key gets their own feedback, not the first answer', async () => {
    const response = await postKeyed(body, 'esd-keyed-same-1', tokens[CHEN.email]!);
    expect(response.status).toBe(201);
    expect(rows(CHEN.id)).toEqual([((await response.json()) as { id: string }).id]);
    expect(rows(LI.id)).toHaveLength(1);
  });
});
