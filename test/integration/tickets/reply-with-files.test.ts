import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../server/helpers';
import { desktopTickets, queueRequest } from './desktop-tickets';
import { ALICE } from './ticket-api-helpers';

/** Faults the server injects, set per test: the comment's answer lost after it was committed; an upload refused once with a 503. */
const faults = { dropCommentAnswer: 0, uploadUnavailable: 0 };
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({
    accessTokenTtlSeconds: 24 * 3600,
    configure: (app) => {
      app.addHook('onRequest', async (request, reply) => {
        if (faults.uploadUnavailable > 0 && request.method === 'POST' && request.url.endsWith('/attachments')) {
          faults.uploadUnavailable--;
          return reply.code(503).send({ error: { code: 'server', message: 'Try again later.' } });
        }
      });
      app.addHook('onSend', async (request, reply, payload) => {
        if (faults.dropCommentAnswer > 0 && request.method === 'POST' && request.url.endsWith('/comments') && reply.statusCode === 201) {
          faults.dropCommentAnswer--;
          request.raw.socket.destroy();
        }
        return payload;
      });
    },
  });
});
afterAll(() => api.close());

async function requestOf(app: Awaited<ReturnType<typeof desktopTickets>>, title: string) {
  await queueRequest(app.service, title);
  await app.service.outbox.flush();
  return (await app.service.list({ q: title })).items[0]!;
}

const stage = (app: Awaited<ReturnType<typeof desktopTickets>>, name: string, text: string) =>
  app.service.stageBytes(name, Buffer.from(text).toString('base64'));

describe('a reply and its files (issue 13, bug 1)', () => {
  it('are one outbox item: the text once and every file, with the same bytes, even when the answer to the text is lost and an upload is refused once', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const ticket = await requestOf(app, 'Reply with files: fans');
    const log = await stage(app, 'fans.log', 'fan1 100%\n'.repeat(40));
    const photo = await stage(app, 'rack.txt', 'rack 7, slot 3');
    faults.dropCommentAnswer = 1;
    faults.uploadUnavailable = 1;

    const item = app.service.reply(ticket.id, 'The fan log is attached.', [log.id, photo.id]);
    expect(item).toMatchObject({ kind: 'reply', files: ['fans.log', 'rack.txt'] });
    expect(app.service.outboxItems()).toHaveLength(1);
    for (let round = 0; round < 5 && app.service.outboxItems().length; round++) await app.service.sendNow();

    expect(app.service.outboxItems()).toEqual([]);
    expect(faults).toEqual({ dropCommentAnswer: 0, uploadUnavailable: 0 }); // both faults happened
    const detail = await app.service.get(ticket.id);
    expect(detail.comments.filter((c) => c.body === 'The fan log is attached.')).toHaveLength(1);
    expect(detail.attachments.map(({ name, sha256 }) => ({ name, sha256 }))).toEqual([
      { name: 'fans.log', sha256: createHash('sha256').update('fan1 100%\n'.repeat(40)).digest('hex') },
      { name: 'rack.txt', sha256: photo.sha256 },
    ]);
    app.close();
  });

  it('files alone are one item too; neither text nor files is refused and queues nothing', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const ticket = await requestOf(app, 'Reply with files: alone');
    expect(() => app.service.reply(ticket.id, '  ', [])).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(app.service.outboxItems()).toEqual([]);
    const log = await stage(app, 'only.log', 'only a file');
    app.net.up = false;
    expect(app.service.reply(ticket.id, '', [log.id])).toMatchObject({ kind: 'attach', label: 'only.log' });
    app.net.up = true;
    await app.service.sendNow();
    expect((await app.service.get(ticket.id)).attachments.map((a) => a.name)).toEqual(['only.log']);
    app.close();
  });

  it('refused (the request was closed): the text and the files come back to the reply box', async () => {
    const app = await desktopTickets(api.url, ALICE);
    const ticket = await requestOf(app, 'Reply with files: refused');
    await app.service.close(ticket.id);
    const log = await stage(app, 'late.log', 'too late');
    app.service.reply(ticket.id, 'One more detail.', [log.id]);
    await app.service.outbox.flush();
    expect(app.service.replyDraft(ticket.id)).toMatchObject({
      body: 'One more detail.', attachments: [expect.objectContaining({ id: log.id, name: 'late.log' })], error: { code: 'conflict' },
    });
    app.close();
  });
});
