import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

type LogLine = { level: number; msg: string; status?: number; path?: string; sampled?: number };

/** `npm run server` with these flags as its own process; stops it with SIGTERM once `work` is done. */
async function runServer(flags: string[], work: (url: string) => Promise<void>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'support-api-log-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--db', join(dir, 'api.sqlite'), ...flags], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const poll = setInterval(() => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (!match?.[1]) return;
        clearInterval(poll);
        resolve(match[1]);
      }, 20);
      void exited.then((code) => {
        clearInterval(poll);
        reject(new Error(`The server exited (${code}): ${output}`));
      });
    });
    await work(url);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    return output;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function requests(url: string, successes: number, failures: number): Promise<void> {
  for (let i = 0; i < successes; i++) expect((await fetch(`${url}/health`)).status).toBe(200);
  for (let i = 0; i < failures; i++) expect((await fetch(`${url}/nothing-here?secret=${i}`)).status).toBe(404);
}

const jsonLines = (text: string): LogLine[] => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);

it('by default logs every failed request and one success in 100, not two lines per request (issue 19: 213 MB in 90 s)', async () => {
  const output = await runServer([], (url) => requests(url, 400, 12));
  const lines = jsonLines(output);
  const refused = lines.filter((line) => line.msg === 'request refused');
  expect(refused).toHaveLength(12);
  expect(refused.every((line) => line.status === 404 && line.level === 40 && line.path === '/nothing-here')).toBe(true);
  // The query string (OAuth codes and state travel there) is not logged.
  expect(output).not.toContain('secret=');
  const successes = lines.filter((line) => line.status !== undefined && line.status < 400);
  expect(successes).toHaveLength(4);
  expect(successes.every((line) => line.sampled === 100)).toBe(true);
  // Nothing else per request: Fastify's own "incoming request" / "request completed" lines are off.
  expect(lines.filter((line) => /incoming request|request completed/.test(line.msg))).toEqual([]);
}, 60_000);

it('--log-level warn keeps only the failures; --log-file rotates by size and keeps --log-keep old files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-api-logfile-'));
  const quiet = await runServer(['--log-level', 'warn'], (url) => requests(url, 150, 3));
  expect(jsonLines(quiet).map((line) => line.msg)).toEqual(['request refused', 'request refused', 'request refused']);

  const file = join(dir, 'api.log');
  await runServer(['--log-file', file, '--log-sample', '1', '--log-max-size', '8k', '--log-keep', '2'], (url) => requests(url, 400, 1));
  const files = readdirSync(dir)
    .map((name) => ({ name, n: Number(/\.(\d+)\.log$/.exec(name)?.[1]) }))
    .sort((a, b) => a.n - b.n);
  // At least 400 lines of ~150 bytes were written (60 kB): the file being written and at most two rolled ones remain.
  expect(files.length).toBeGreaterThanOrEqual(2);
  expect(files.length).toBeLessThanOrEqual(3);
  // A file rolls once a write takes it past the size; writes are buffered, so it can end somewhat past it.
  for (const { name } of files) expect(statSync(join(dir, name)).size).toBeLessThan(2 * 8 * 1024);
  // The newest lines are kept (the last request's line may sit at the end of the file before a roll).
  const kept = jsonLines(files.map(({ name }) => readFileSync(join(dir, name), 'utf8')).join(''));
  expect(kept.at(-1)).toMatchObject({ msg: 'request refused', status: 404 });
  expect(kept.length).toBeLessThan(400);
}, 90_000);
