import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installLogSink, log, logFailure, redactor, type LogContext, type LogLevel } from '../../../main/services/logging/log';
import { openLogFile, tailOfLog, type LogFile } from '../../../main/services/logging/log-files';
import { LogsService } from '../../../main/services/logging/logs-service';
import { restorePart } from '../../../main/services/downloads/transfer';

// Canaries: each must never appear in a log file, whatever path it takes there.
const CANARY = {
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnktand0In0.c2lnbmF0dXJlLWNhbmFyeQ',
  bearer: 'canary-bearer-7f3a9c1d2e',
  refresh: 'canary-refresh-5b8e2a',
  password: 'Canary-Passw0rd!',
  cookie: 'sid=canary-cookie-91c2',
  email: 'jane.canary@corp.example',
  phone: '+49 30 98765432',
  usPhone: '555-867-5309',
  name: 'Jane Canary',
  basic: 'dXNlcjpjYW5hcnktYmFzaWM=',
} as const;

const folders: string[] = [];
let restore: (() => void) | undefined;
const files: LogFile[] = [];
afterEach(() => {
  restore?.();
  restore = undefined;
  redactor.setPersonalValues([]);
  files.splice(0).forEach((file) => file.close());
});

async function realLog(name: 'main' | 'renderer' = 'main', options: { maxSize?: string; keep?: number } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'esd-logs-'));
  folders.push(folder);
  const file = await openLogFile(name, { folder, level: 'debug', ...options });
  files.push(file);
  return { folder, file };
}

const readAll = (folder: string) => readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
const settle = (file: LogFile) => file.flush();

describe('issue 14: log files (pino + pino-roll) hold no tokens, passwords, cookies or personal data', () => {
  it('canaries in messages, context, headers, URLs, JSON text and error stacks never reach main.log; the entries do', async () => {
    const { folder, file } = await realLog();
    restore = installLogSink(file);
    redactor.setPersonalValues([CANARY.name, CANARY.email]);

    log.info(`Signed in as ${CANARY.name} <${CANARY.email}>, call ${CANARY.phone} or ${CANARY.usPhone}`);
    log.warn('Request failed', {
      url: `https://support.example.com/oauth/token?refresh_token=${CANARY.refresh}&client=desktop`,
      headers: { Authorization: `Bearer ${CANARY.bearer}`, Cookie: CANARY.cookie, Accept: 'application/json' },
      body: `{"password":"${CANARY.password}","grant_type":"refresh_token"}`,
      profile: { displayName: CANARY.name, email: CANARY.email, phone: CANARY.phone, company: 'Northwind' },
      proxy: `http://jane:${CANARY.password}@proxy.corp.example:8080`,
    });
    const error = Object.assign(new Error(`401 for token ${CANARY.jwt}; Authorization: Basic ${CANARY.basic}`), { code: 'E_AUTH', config: { headers: { authorization: `Bearer ${CANARY.bearer}` } } });
    log.error('A background task failed', { error });
    logFailure('tickets: reading the change feed failed', { ticket: 't-1' })(new Error(`set-cookie: ${CANARY.cookie}; user ${CANARY.name}`));
    await settle(file);

    const text = readAll(folder);
    for (const [kind, canary] of Object.entries(CANARY)) expect(text.includes(canary), `${kind} canary leaked`).toBe(false);
    expect(text.includes('canary-cookie')).toBe(false);
    // What a support engineer needs is still there: levels, messages, codes, non-personal fields and the stack.
    const lines = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.level)).toEqual([30, 40, 50, 40]);
    expect(lines[1]).toMatchObject({ msg: 'Request failed', profile: { company: 'Northwind', email: '[personal]' }, headers: { Accept: 'application/json', Authorization: '[redacted]' } });
    expect(lines[2]).toMatchObject({ process: 'main', error: { type: 'Error', code: 'E_AUTH', stack: expect.stringContaining('redaction.test.ts') } });
    expect(lines[3]).toMatchObject({ msg: 'tickets: reading the change feed failed', ticket: 't-1' });
  });

  it("the renderer's errors go to renderer.log through the bridge's logs.report, redacted, at most 30 a minute", async () => {
    const { folder, file } = await realLog('renderer');
    let now = 0;
    const logs = new LogsService({ folder, mainProcess: 'main', rendererSink: file, now: () => now });
    logs.report({ kind: 'boundary', message: `TypeError: cannot read ${CANARY.email}`, stack: `at Page (app://app/index.js:1:2)\nBearer ${CANARY.bearer}`, route: '#/tickets/42?q=secret' });
    for (let i = 0; i < 40; i++) logs.report({ kind: 'rejection', message: `loop ${i}` });
    now = 61_000;
    logs.report({ kind: 'error', message: 'after a minute' });
    await settle(file);
    const lines = readAll(folder).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; route?: string; process: string });
    expect(lines[0]).toMatchObject({ process: 'renderer', msg: 'TypeError: cannot read [email]', route: '#/tickets/42' });
    expect(JSON.stringify(lines)).not.toContain(CANARY.bearer);
    expect(lines.filter((line) => line.msg.startsWith('loop '))).toHaveLength(29);
    expect(lines.at(-2)!.msg).toBe('11 more window errors were not logged (limit 30 a minute)');
    expect(lines.at(-1)!.msg).toBe('after a minute');
  });

  it('rotates by size and keeps only the newest files; the tail for diagnostics comes from the newest', async () => {
    const { folder, file } = await realLog('main', { maxSize: '1k', keep: 2 });
    restore = installLogSink(file);
    for (let i = 0; i < 120; i++) {
      log.info(`entry ${i} ${'x'.repeat(60)}`);
      if (i % 10 === 9) await settle(file);
    }
    await settle(file);
    const names = readdirSync(folder).filter((name) => /^main\.\d+\.log$/.test(name));
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThanOrEqual(3);
    // pino-roll rolls after the write that crossed the size, asynchronously: wait for the last entry to land.
    await vi.waitFor(() => expect(JSON.parse(tailOfLog(folder, 'main', 3).at(-1) ?? '{}')).toMatchObject({ msg: expect.stringMatching(/^entry 119 /) }));
    expect(tailOfLog(folder, 'main', 3).map((line) => (JSON.parse(line) as { msg: string }).msg.split(' ')[1])).toEqual(['117', '118', '119']);
  });
});

describe('issue 14: background failures that were swallowed are logged with their context', () => {
  it('downloads: a part file that cannot be emptied (it is in a folder that does not exist) is logged, and the download goes on from zero', async () => {
    const entries: { level: LogLevel; message: string; context: LogContext | undefined }[] = [];
    restore = installLogSink({ write: (level, message, context) => entries.push({ level, message, context }) });
    const partPath = join(tmpdir(), 'esd-no-such-folder', 'file.part');
    expect((await restorePart(partPath, 1000, null)).bytes).toBe(0);
    expect(entries).toEqual([{ level: 'warn', message: 'downloads: could not empty a part file that cannot be resumed', context: { partPath, error: expect.objectContaining({ code: 'ENOENT' }) } }]);
  });
});
