import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../main/compose';
import { openSettings } from '../../main/services/settings/settings-file';
import type { TestApi } from '../integration/server/helpers';
import { damage, databaseFile, filesStartingWith, newDataFolder, seedLocalData } from './helpers/damaged-folder';
import { startFaultApi } from './helpers/fault-api';

let api: TestApi;
let services: Services | undefined;
beforeAll(async () => {
  api = await startFaultApi();
}, 90_000);
afterAll(async () => {
  await services?.dispose();
  await api?.close();
});

describe('issue 19: the Electron entry point starts on a damaged data folder', { timeout: 60_000 }, () => {
  it("main/index.ts's start-up steps (openSettings, then composeServices) with conf standing in for electron-store, which needs the Electron binary", async () => {
    const dataDir = newDataFolder();
    seedLocalData(dataDir, 'user-1');
    writeFileSync(join(dataDir, 'settings.json'), '');
    damage.randomHeader(databaseFile(dataDir));

    // The same calls, in the same order, as main/index.ts; only the store and the platform adapters differ.
    const { settings, recoveryNotices } = openSettings(dataDir, () => new Conf({ projectName: 'esd-electron-startup', cwd: dataDir, configName: 'settings' }));
    services = composeServices({
      apiUrl: api.url,
      dataDir,
      fetch: globalThis.fetch,
      secrets: { backend: () => 'os', encrypt: (plain) => Buffer.from(plain), decrypt: (data) => data.toString('utf8') },
      settings,
      openBrowser: async () => undefined,
      openExternal: async () => undefined,
      version: '1.0.0',
      platform: 'linux',
      recoveryNotices,
    });

    const report = services.recovery.report();
    expect(report.items.map((item) => item.kind)).toEqual(['settings', 'database']);
    expect(filesStartingWith(dataDir, 'settings.json.broken-')).toHaveLength(1);
    expect(filesStartingWith(dataDir, 'local.sqlite.broken-')).toHaveLength(1);
    expect(report.items[1]).toMatchObject({ cause: 'unreadable', recovered: { outbox: 0, drafts: 0, feedback: 0 }, lost: expect.arrayContaining(['outbox', 'drafts']) });
    // Running on the new database: the network check and a settings change work.
    expect(services.settings.update({ theme: 'dark' }).theme).toBe('dark');
    expect((await services.network.check()).online).toBe(true);
  });
});
