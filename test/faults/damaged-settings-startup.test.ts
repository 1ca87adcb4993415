import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/contract';
import type { RecoveryItem, RecoveryReport } from '../../shared/contract/recovery-contract';
import { DEFAULT_SETTINGS } from '../../main/services/settings/settings-migrations';
import type { TestApi } from '../integration/server/helpers';
import { startFaultApi } from './helpers/fault-api';
import { filesStartingWith, newDataFolder } from './helpers/damaged-folder';
import { connectBridge, startPreviewProcess, value, type BridgeClient, type PreviewProcess } from './helpers/preview-process';

type SettingsItem = Extract<RecoveryItem, { kind: 'settings' }>;

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

async function startOn(dataDir: string) {
  const preview = await startPreviewProcess(dataDir, { apiUrl: api.url });
  const bridge = await connectBridge(preview.url);
  running.push({ preview, bridge });
  return bridge;
}

const settingsItems = async (bridge: BridgeClient) =>
  (await value(bridge.call<RecoveryReport>('recovery.report'))).items.filter((item): item is SettingsItem => item.kind === 'settings');

describe('issue 19: the preview process starts on a settings.json that is not JSON', { timeout: 90_000 }, () => {
  it.each([
    ['zero bytes long (a power cut)', '', 0, {}],
    ['not JSON at all', '\u0000\u0000\u0000garbage from another program', 0, {}],
    ['cut short in the middle of a value', '{\n\t"settings": {\n\t\t"language": "zh-CN",\n\t\t"theme": "dark",\n\t\t"fontSize": 1', 2, { language: 'zh-CN', theme: 'dark' }],
  ])('%s: kept aside as settings.json.broken-<time>, defaults plus what could be read, the notice says so', async (_name, content, kept, salvaged) => {
    const dataDir = newDataFolder();
    writeFileSync(join(dataDir, 'settings.json'), content);

    const bridge = await startOn(dataDir);
    const settings = await value(bridge.call<Settings>('settings.get'));
    // fontSize was cut to "1", which is not a valid size: it is back to its default with everything else.
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...salvaged });
    const [item, ...more] = await settingsItems(bridge);
    expect(more).toEqual([]);
    expect(item!.keptSettings).toBe(kept);
    expect(filesStartingWith(dataDir, 'settings.json.broken-')).toEqual([item!.setAside]);
    expect(readFileSync(join(dataDir, item!.setAside), 'utf8')).toBe(content);
    // The new file is whole JSON again, and a change is saved to it.
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).settings).toEqual(settings);
    await value(bridge.call('settings.update', { notifications: false }));
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).settings.notifications).toBe(false);
  });

  it('tells the user once: dismissed, it is gone; the next start finds nothing damaged and says nothing', async () => {
    const dataDir = newDataFolder();
    writeFileSync(join(dataDir, 'settings.json'), '');
    const first = await startOn(dataDir);
    expect(await settingsItems(first)).toHaveLength(1);
    const cleared = first.next<RecoveryReport>('recovery.onDidChange');
    await value(first.call('recovery.dismiss'));
    expect((await cleared).items).toEqual([]);
    expect(await settingsItems(first)).toEqual([]);
    for (const { preview, bridge } of running.splice(0)) {
      bridge.close();
      await preview.stop();
    }

    const again = await startOn(dataDir);
    expect((await value(again.call<RecoveryReport>('recovery.report'))).items).toEqual([]);
    expect(filesStartingWith(dataDir, 'settings.json.broken-')).toHaveLength(1);
  });
});
