import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openAppDatabase } from '../fakes/app-database';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryItem, RecoveryReport } from '../../shared/contract/recovery-contract';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import type { TestApi } from '../integration/server/helpers';
import { startFaultApi } from './helpers/fault-api';
import { databaseFile, filesStartingWith, newDataFolder, seedLocalData } from './helpers/damaged-folder';
import { connectBridge, signIn, startPreviewProcess, value, type BridgeClient, type PreviewProcess } from './helpers/preview-process';

let api: TestApi;
let running: { preview: PreviewProcess; bridge: BridgeClient } | null = null;
beforeAll(async () => {
  api = await startFaultApi();
}, 90_000);
afterEach(async () => {
  running?.bridge.close();
  await running?.preview.stop();
  running = null;
});
afterAll(() => api?.close());

/**
 * Breaks a table's root page in the file under a running app, as a failing disk does: the WAL is
 * checkpointed into the file first so the page is read from there, and a write from another
 * connection afterwards makes the app's connection drop its page cache and read the file again.
 */
function breakUnderRunningApp(file: string, tableOrIndex: string[]): void {
  const other = openAppDatabase(dirname(file), {}, file);
  other.pragma('wal_checkpoint(TRUNCATE)');
  const fd = openSync(file, 'r+');
  for (const name of tableOrIndex) {
    const { rootpage } = other.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number };
    writeSync(fd, randomBytes(4096), 0, 4096, (rootpage - 1) * 4096);
  }
  closeSync(fd);
  other.prepare('INSERT OR REPLACE INTO tickets_sync (user_id, cursor) VALUES (?, ?)').run('another-connection', 1);
  other.close();
}

describe('issue 19: a database damaged while the app runs', { timeout: 90_000 }, () => {
  it('the outbox run at sign-in meets SQLITE_CORRUPT: the preview process keeps running, sets the file aside and recovers the outbox from its copy', async () => {
    const dataDir = newDataFolder();
    // Another account's work on this computer: never sent with Alice's session, so it stays queued.
    const seeded = seedLocalData(dataDir, 'another-user', { outbox: 4, drafts: 12, feedback: 2 });
    const preview = await startPreviewProcess(dataDir, { apiUrl: api.url });
    const bridge = await connectBridge(preview.url);
    running = { preview, bridge };
    await signIn(preview, bridge, DEMO_ACCOUNT);
    await value(bridge.call('session.signOut'));

    const recovered = bridge.next<RecoveryReport>('recovery.onDidChange', (report) => report.items.some((item) => item.kind === 'database'));
    // The table and the index the outbox run reads its next item through.
    breakUnderRunningApp(databaseFile(dataDir), ['tickets_outbox', 'tickets_outbox_user']);
    // Signing in starts the outbox run, which reads the broken table (before: an unhandled rejection ended the process).
    // Not awaited: the services it started with are replaced while it completes.
    void signIn(preview, bridge, DEMO_ACCOUNT).catch(() => undefined);
    const died = preview.exited.then((code) => Promise.reject(new Error(`The preview exited (${code}):\n${preview.output()}`)));
    const report = await Promise.race([recovered, died]);

    expect(preview.alive()).toBe(true);
    expect(existsSync(join(dataDir, 'local.sqlite.backup.json'))).toBe(true);
    const item = report.items.find((i): i is Extract<RecoveryItem, { kind: 'database' }> => i.kind === 'database')!;
    expect(item.cause).toBe('damaged-while-running');
    expect(item.setAside[0]).toMatch(/^local\.sqlite\.broken-/);
    expect(filesStartingWith(dataDir, 'local.sqlite.broken-')).toEqual([...item.setAside].sort());
    expect(existsSync(join(dataDir, 'local.sqlite.damaged'))).toBe(false);
    // The outbox's table could not be read at all: its rows came from the last-known-good copy; the drafts from the file.
    expect(item.recovered).toEqual(seeded);
    expect(item.fromBackup.outbox).toBe(seeded.outbox);
    expect(item.lost).toEqual([]);
    // The restarted services answer, on the new database, and a tickets call works again once signed in.
    await signIn(preview, bridge, DEMO_ACCOUNT);
    expect(await value(bridge.call<unknown[]>('tickets.outbox'))).toEqual([]);
    expect(preview.alive()).toBe(true);
  });
});
