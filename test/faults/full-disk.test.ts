import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../fakes/app-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, OutboxItem } from '../../shared/contract/tickets-contract';
import { DEMO_ACCOUNT } from '../../server/db/seed-demo';
import { filledDraft } from '../integration/tickets/desktop-tickets';
import type { TestApi } from '../integration/server/helpers';
import { startFaultApi } from './helpers/fault-api';
import { fillDisk, mountTmpfs } from './tmpfs';
import { connectBridge, signIn, startPreviewProcess, value, type BridgeClient, type PreviewProcess } from './helpers/preview-process';

/**
 * A real full disk: the data folder is a 16 MB tmpfs mounted for this file (the tests run as root, as
 * CI does). A filler file takes every free byte; deleting it frees the disk again.
 */
let api: TestApi;
let mountPoint: string;
let disk: { unmount(): void } | undefined;
let dataDir: string;
let preview: PreviewProcess;
let bridge: BridgeClient;

beforeAll(async () => {
  api = await startFaultApi();
  mountPoint = mkdtempSync(join(tmpdir(), 'esd-full-disk-'));
  disk = mountTmpfs(mountPoint, 16);
  dataDir = join(mountPoint, 'data');
  preview = await startPreviewProcess(dataDir, { apiUrl: api.url });
  bridge = await connectBridge(preview.url);
  await signIn(preview, bridge, DEMO_ACCOUNT);
}, 90_000);

afterAll(async () => {
  bridge?.close();
  await preview?.stop();
  if (disk) {
    disk.unmount();
    rmSync(mountPoint, { recursive: true, force: true });
  }
  await api?.close();
});

describe('issue 19: a full disk (a real tmpfs) during the outbox write and the settings save', { timeout: 90_000 }, () => {
  it('a clear error, nothing half-written, the app keeps running; once space is freed both succeed', async () => {
    const draft = await value(bridge.call<Draft>('tickets.newDraft', {}));
    await value(bridge.call('tickets.saveDraft', { id: draft.id, values: filledDraft('Written before the disk filled up') }));
    // The WAL is folded into the database first, so the next write has to grow a file.
    const other = openAppDatabase(dataDir);
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close();
    const settingsBefore = readFileSync(join(dataDir, 'settings.json'));
    const filler = fillDisk(mountPoint, 0);
    const filesBefore = readdirSync(dataDir).sort();

    const queued = await bridge.call('tickets.submitDraft', { id: draft.id });
    expect(queued).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(/disk is full/) } });
    const saved = await bridge.call('settings.update', { theme: 'dark' });
    expect(saved).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(/disk is full/) } });

    // Nothing half-written: the settings file as it was, no temp files, the draft still a draft, nothing queued.
    expect(readFileSync(join(dataDir, 'settings.json'))).toEqual(settingsBefore);
    expect(readdirSync(dataDir).sort()).toEqual(filesBefore);
    expect((await value(bridge.call<Draft[]>('tickets.drafts'))).map((d) => d.id)).toContain(draft.id);
    expect(await value(bridge.call<OutboxItem[]>('tickets.outbox'))).toEqual([]);
    expect((await value(bridge.call<{ theme: string }>('settings.get'))).theme).toBe('system');
    expect(preview.alive()).toBe(true);

    rmSync(filler);
    const sent = bridge.next<{ reason: string }>('tickets.onDidChange', () => true);
    const item = await value(bridge.call<OutboxItem>('tickets.submitDraft', { id: draft.id }));
    expect(item.label).toBe('Written before the disk filled up');
    await sent;
    expect((await value(bridge.call<{ theme: string }>('settings.update', { theme: 'dark' }))).theme).toBe('dark');
    const check = openAppDatabase(dataDir, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();
  });
});
