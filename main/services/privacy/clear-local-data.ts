import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/errors';
import { SERVICE_FILES } from './device-data';

/**
 * Removes every file and folder in the app's data folder (P3.2), except the embedded reference API's
 * own files (the stand-in for the remote service). The caller closes the database first. Retries a
 * few times because Windows may hold a file briefly after it was closed.
 */
export async function removeDataFolderContents(dataDir: string): Promise<void> {
  const entries = (await readdir(dataDir).catch(() => [] as string[])).filter((name) => !SERVICE_FILES.test(name));
  const results = await Promise.allSettled(entries.map((name) => rm(join(dataDir, name), { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })));
  // Everything that can go goes; what another program holds open is named, not silently left behind.
  const left = entries.filter((_name, index) => results[index]!.status === 'rejected');
  if (left.length) throw new AppError('storage', `These items in ${dataDir} are in use and could not be deleted: ${left.join(', ')}. Close other programs and try again.`);
}

export interface WipeSteps {
  dataDir: string;
  session: { signOut(): Promise<void> };
  settings: { reset(defaults: Settings): unknown };
  defaults: Settings;
  /** Stops every service and closes the local database, so nothing writes while the folder empties. */
  stopServices: () => Promise<void>;
  clearBrowserStorage?: () => Promise<void>;
  relaunch?: () => void;
}

/**
 * "Clear local data" (P3.2): sign out (tokens revoked and wiped), settings back to defaults, services
 * stopped and the database closed, browser storage cleared, then the data folder emptied. The app
 * restarts afterwards where the platform can, so no service keeps anything in memory either.
 */
export async function wipeLocalData(steps: WipeSteps): Promise<void> {
  await steps.session.signOut();
  steps.settings.reset(steps.defaults);
  await steps.stopServices();
  await steps.clearBrowserStorage?.();
  await removeDataFolderContents(steps.dataDir);
  // Let the bridge answer first, then start afresh.
  if (steps.relaunch) setTimeout(steps.relaunch, 200);
}
