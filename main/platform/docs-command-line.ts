import { join } from 'node:path';
import type { App, Net, SafeStorage } from 'electron';
import Store from 'electron-store';
import { AppError } from '../../shared/errors';
import { runDocsCommand } from '../services/docs/docs-command';
import { loadDatabaseKey } from '../services/local-db/database-key';
import { TokenVault } from '../services/session/token-vault';
import { SettingsService } from '../services/settings/settings-service';
import { safeStorageSecrets } from './safe-storage-secrets';

/**
 * Runs a docs command on the app's own documentation database and exits, without a window and
 * without taking the single-instance lock (a running app keeps running; SQLite serialises writers).
 * `update` uses the app's configured service and the saved sign-in's access token when it is still
 * valid; ESD_API_URL / --api and ESD_API_TOKEN override them.
 */
export async function runDocsCommandLine(app: App, net: Net, safeStorage: SafeStorage, args: string[]): Promise<void> {
  let code = 1;
  try {
    await app.whenReady();
    const dataDir = app.getPath('userData');
    const settings = new SettingsService(new Store({ name: 'settings' })).get();
    code = await runDocsCommand(args, {
      program: `"${process.execPath}" docs`,
      defaultDb: join(dataDir, 'local.sqlite'),
      defaultDbKey: loadDatabaseKey(join(dataDir, 'local.sqlite'), safeStorageSecrets(safeStorage, process.platform), settings.keepLocalDataWithoutKeyring).key,
      defaultApiUrl: settings.apiUrl ?? undefined,
      savedToken: async (apiUrl) => {
        const vault = new TokenVault(join(dataDir, 'session.bin'), safeStorageSecrets(safeStorage, process.platform), () => settings.persistTokensWithoutKeyring);
        const tokens = await vault.load();
        if (!tokens || tokens.apiUrl !== apiUrl) return null;
        if (tokens.expiresAt <= Date.now()) throw new AppError('unauthorized', 'The saved sign-in has expired: open the app and sign in again, or set ESD_API_TOKEN.');
        return tokens.accessToken;
      },
      env: process.env,
      // The system proxy and OS certificates, as the app's own requests use.
      fetch: (input, init) => net.fetch(input as string, init),
      out: (line) => process.stdout.write(`${line}\n`),
      progress: (text) => process.stderr.isTTY && process.stderr.write(`\r${text}`),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof AppError ? error.message : String(error)}\n`);
  }
  app.exit(code);
}
