import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DOCS_MIGRATIONS } from '../../../main/services/docs/docs-schema';
import { importInWorker } from '../../../main/services/docs/importer';
import { applyMigrations, openLocalDatabase } from '../../../main/services/local-db/local-database';

// Attack finding 3: requests that used to end the browser preview's process. The preview runs as its own
// process (`tsx main/preview/cli.ts`, as `npm run preview` starts it), so a crash is a dead process,
// not a failed promise inside the test runner.
const work = mkdtempSync(join(tmpdir(), 'esd-preview-crash-'));
const dataDir = join(work, 'data');
let preview: ChildProcess;
let url: URL;
let origin: string;
let output = '';

/** An installed documentation library with an images folder, imported as the app imports a folder. */
async function installLibrary(): Promise<void> {
  const manual = join(work, 'Crash Manual');
  mkdirSync(join(manual, 'images'), { recursive: true });
  writeFileSync(join(manual, 'index.html'), '<title>Crash Manual</title><h1>Crash Manual</h1><img src="images/logo.png">');
  writeFileSync(join(manual, 'images', 'logo.png'), 'png');
  mkdirSync(dataDir, { recursive: true });
  const db = openLocalDatabase(join(dataDir, 'local.sqlite'));
  applyMigrations(db, 'docs', DOCS_MIGRATIONS);
  await importInWorker(db.name, dataDir, { kind: 'folder', dir: manual }, () => undefined);
  db.close();
}

beforeAll(async () => {
  await installLibrary();
  // The renderer bundle the preview serves from ./out/preview, with an assets folder as a real build has.
  mkdirSync(join(work, 'out', 'preview', 'assets'), { recursive: true });
  writeFileSync(join(work, 'out', 'preview', 'index.html'), '<!doctype html><title>preview</title>');
  writeFileSync(join(work, 'out', 'preview', 'assets', 'app.js'), 'console.log(1)');
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  preview = spawn(tsx, [join(process.cwd(), 'main', 'preview', 'cli.ts')], {
    cwd: work,
    // No embedded API (an address nothing answers): these requests never reach the service.
    env: { ...process.env, PREVIEW_PORT: '0', PREVIEW_DATA_DIR: dataDir, SUPPORT_API_URL: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  preview.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  url = await new Promise<URL>((resolve, reject) => {
    preview.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    preview.once('exit', (code) => reject(new Error(`The preview exited early (${code}): ${output}`)));
  });
  origin = url.origin;
}, 60_000);

afterAll(() => {
  if (preview.exitCode === null) preview.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Opens the bridge socket as the preview page does (token and Origin) and makes one call. */
async function openBridge(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${url.host}/bridge?token=${url.searchParams.get('token')}`, { origin });
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  return ws;
}

async function callAppInfo(): Promise<unknown> {
  const ws = await openBridge();
  try {
    const answer = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ id: 1, method: 'app.info', input: undefined }));
    return await answer;
  } finally {
    ws.close();
  }
}

/** The process is alive and still serves both the page and the bridge. */
async function expectStillAnswering(): Promise<void> {
  expect(preview.exitCode, output).toBeNull();
  expect((await fetch(new URL('/', origin))).status).toBe(200);
  expect(await callAppInfo()).toMatchObject({ id: 1, result: { ok: true, value: { platform: expect.stringContaining('browser preview') } } });
}

describe('the browser preview survives hostile requests (attack finding 3)', () => {
  it.each(['/assets/', '/assets', '/docs-assets/crash-manual-local/images/', '/docs-assets/crash-manual-local/images'])(
    'answers 404 for the folder %s and keeps running',
    async (path) => {
      const response = await fetch(new URL(path, origin));
      expect(response.status).toBe(404);
      await expectStillAnswering();
    },
  );

  it('still serves the library image next to the folder it refuses', async () => {
    const response = await fetch(new URL('/docs-assets/crash-manual-local/images/logo.png', origin));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('png');
  });

  it('closes a socket that sends invalid UTF-8 as text (1007) and keeps running', async () => {
    const ws = await openBridge();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    await expectStillAnswering();
  });

  it('closes a socket that sends a message over 1 MiB (1009) and keeps running', async () => {
    const ws = await openBridge();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    await expectStillAnswering();
  });
});
