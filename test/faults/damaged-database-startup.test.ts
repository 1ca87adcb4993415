import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceData } from '../../shared/contract/privacy-contract';
import type { RecoveryItem, RecoveryReport } from '../../shared/contract/recovery-contract';
import type { TestApi } from '../integration/server/helpers';
import { startFaultApi } from './helpers/fault-api';
import { damage, databaseFile, filesStartingWith, newDataFolder, removeCompanions, seedLocalData } from './helpers/damaged-folder';
import { connectBridge, startPreviewProcess, value, type BridgeClient, type PreviewProcess } from './helpers/preview-process';

type DatabaseItem = Extract<RecoveryItem, { kind: 'database' }>;

let api: TestApi;
const running: { preview: PreviewProcess; bridge: BridgeClient }[] = [];

beforeAll(async () => {
  api = await startFaultApi();
}, 90_000);
afterEach(async () => {
  for (const { preview, bridge } of running.splice(0)) {
    bridge.close();
    await preview.stop();
  }
});
afterAll(() => api?.close());

async function start(dataDir: string) {
  const preview = await startPreviewProcess(dataDir, { apiUrl: api.url });
  const bridge = await connectBridge(preview.url);
  running.push({ preview, bridge });
  return { preview, bridge };
}

/** A clean run of the app on the folder: it writes its copy of the outbox and drafts (local.sqlite.backup.json). */
async function runOnce(dataDir: string) {
  const first = await start(dataDir);
  await first.bridge.call('recovery.report');
  first.bridge.close();
  await first.preview.stop();
  running.splice(running.findIndex((r) => r.preview === first.preview), 1);
  expect(existsSync(join(dataDir, 'local.sqlite.backup.json'))).toBe(true);
  removeCompanions(databaseFile(dataDir));
}

async function databaseItem(bridge: BridgeClient): Promise<DatabaseItem> {
  const report = await value(bridge.call<RecoveryReport>('recovery.report'));
  const item = report.items.find((i): i is DatabaseItem => i.kind === 'database');
  expect(item, 'the notice names the database').toBeDefined();
  return item!;
}

/** Rows per table as "This computer" in the privacy center shows them: the app reads its new database. */
async function tableRows(bridge: BridgeClient): Promise<Record<string, number>> {
  const data = await value(bridge.call<DeviceData>('privacy.deviceData'));
  const tables = data.items.find((item) => item.id === 'local-database')!.tables;
  return Object.fromEntries(tables.map((t) => [t.name, t.rows]));
}

// Each test starts the preview as its own process once or twice (about 6 s each on a loaded 2-core machine).
describe('issue 19: the preview process starts on an unreadable local.sqlite, sets it aside and says what it recovered', { timeout: 90_000 }, () => {
  it.each([
    ['random bytes over its first page', damage.randomHeader],
    ['text saved over it', damage.text],
  ])('%s: set aside as found, a new database, the notice says nothing could be read', async (_name, harm) => {
    const dataDir = newDataFolder();
    seedLocalData(dataDir, 'user-1');
    harm(databaseFile(dataDir));
    const found = readFileSync(databaseFile(dataDir));

    const { preview, bridge } = await start(dataDir);
    const item = await databaseItem(bridge);
    expect(item.cause).toBe('unreadable');
    expect(item.setAside).toEqual([expect.stringMatching(/^local\.sqlite\.broken-\d{4}-\d\d-\d\dT[\d-]+Z$/)]);
    expect(readFileSync(join(dataDir, item.setAside[0]!))).toEqual(found);
    // No copy of the outbox existed (the app never ran on this folder), so the queued items are named as lost.
    expect(item.recovered).toEqual({ outbox: 0, drafts: 0, feedback: 0 });
    expect(item.lost).toEqual(expect.arrayContaining(['outbox', 'drafts', 'feedback']));
    expect(await tableRows(bridge)).toMatchObject({ tickets_outbox: 0, tickets_drafts: 0 });
    expect(preview.alive()).toBe(true);
  });

  it('cut short to half its length after the app had run: what the file still holds is copied, the rest comes from the last-known-good copy', async () => {
    const dataDir = newDataFolder();
    const seeded = seedLocalData(dataDir, 'user-1');
    await runOnce(dataDir);
    damage.truncated(databaseFile(dataDir));

    const { bridge } = await start(dataDir);
    const item = await databaseItem(bridge);
    expect(['unreadable', 'damaged']).toContain(item.cause);
    // Set aside with the WAL and SHM of that file, so it still opens as it was.
    expect(filesStartingWith(dataDir, 'local.sqlite.broken-')).toEqual([...item.setAside].sort());
    expect(item.recovered).toEqual(seeded);
    expect(item.lost).not.toContain('outbox');
    expect(item.lost).not.toContain('drafts');
    expect(await tableRows(bridge)).toMatchObject({ tickets_outbox: seeded.outbox, tickets_drafts: seeded.drafts, docs_feedback_outbox: seeded.feedback });
  });

  it('one page in the middle of the drafts damaged: the check at open finds it, the rows on both sides of it are kept', async () => {
    const dataDir = newDataFolder();
    const seeded = seedLocalData(dataDir, 'user-1');
    damage.pageInTheMiddle(databaseFile(dataDir), 'tickets_drafts');

    const { bridge } = await start(dataDir);
    const item = await databaseItem(bridge);
    expect(item.cause).toBe('damaged');
    expect(item.recovered.outbox).toBe(seeded.outbox);
    expect(item.recovered.feedback).toBe(seeded.feedback);
    // About 4 drafts of 1 KB fit on a 4 KB page: only the damaged page's rows are gone.
    expect(item.recovered.drafts).toBeGreaterThanOrEqual(seeded.drafts - 5);
    expect(item.recovered.drafts).toBeLessThan(seeded.drafts);
    expect(item.lost).toEqual(['drafts']);
  });

  it('found damaged after the app had run: what the damaged page held comes back from the last-known-good copy', async () => {
    const dataDir = newDataFolder();
    const seeded = seedLocalData(dataDir, 'user-1');
    await runOnce(dataDir);
    damage.pageInTheMiddle(databaseFile(dataDir), 'tickets_drafts');

    const { bridge } = await start(dataDir);
    const item = await databaseItem(bridge);
    expect(item.recovered).toEqual(seeded);
    expect(item.fromBackup.drafts).toBeGreaterThan(0);
    expect(item.lost).toEqual([]);
  });
});

describe('issue 19: a zero-byte local.sqlite no longer starts silently empty', { timeout: 90_000 }, () => {
  it('after a run, the file emptied by a power cut: the outbox, drafts and feedback come back from the copy, and the notice says so', async () => {
    const dataDir = newDataFolder();
    const seeded = seedLocalData(dataDir, 'user-1');
    const first = await start(dataDir);
    expect(await tableRows(first.bridge)).toMatchObject({ tickets_outbox: seeded.outbox, tickets_drafts: seeded.drafts });
    first.bridge.close();
    await first.preview.stop();
    running.splice(0);
    removeCompanions(databaseFile(dataDir));
    damage.zeroBytes(databaseFile(dataDir));

    const { bridge } = await start(dataDir);
    const item = await databaseItem(bridge);
    expect(item.cause).toBe('emptied');
    expect(item.recovered).toEqual(seeded);
    expect(item.fromBackup).toEqual(seeded);
    expect(await tableRows(bridge)).toMatchObject({ tickets_outbox: seeded.outbox, tickets_drafts: seeded.drafts, docs_feedback_outbox: seeded.feedback });
  });

  it('emptied with no copy to restore from: the loss is detected and named', async () => {
    const dataDir = newDataFolder();
    seedLocalData(dataDir, 'user-1');
    damage.zeroBytes(databaseFile(dataDir));
    rmSync(join(dataDir, 'local.sqlite.backup.json'), { force: true });

    const { bridge } = await start(dataDir);
    const item = await databaseItem(bridge);
    expect(item.cause).toBe('emptied');
    expect(item.recovered).toEqual({ outbox: 0, drafts: 0, feedback: 0 });
    expect(item.lost).toEqual(expect.arrayContaining(['outbox', 'drafts', 'feedback']));
  });

  it('a first start on an empty folder shows no notice', async () => {
    const { bridge } = await start(newDataFolder());
    expect((await value(bridge.call<RecoveryReport>('recovery.report'))).items).toEqual([]);
  });
});
