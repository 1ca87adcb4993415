import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorShape } from '../../../shared/errors';
import { isDiskFull } from '../disk-full';
import { openLocalDatabase } from '../local-db/local-database';
import { runImport, type ImportJob, type Progress } from './import-job';
import { runIndexUpgrades } from './index-upgrades';

/**
 * The import runs here, off the main thread: HTML parsing and index writes would otherwise stall
 * the app's event loop for seconds. It writes through its own connection (WAL lets main keep reading).
 * So do index upgrades (job 'upgrade': the pending re-indexing of docs migrations, index-upgrades.ts).
 */
const { dbFile, dataDir, job, keyHex } = workerData as { dbFile: string; dataDir: string; job: ImportJob | 'upgrade'; keyHex: string | null };
const db = openLocalDatabase(dbFile, { key: keyHex ? Buffer.from(keyHex, 'hex') : null });
try {
  const progress: Progress = (done, total, current) => parentPort!.postMessage({ type: 'progress', done, total, current });
  const result = job === 'upgrade' ? runIndexUpgrades(db, progress) : await runImport(db, dataDir, job, progress);
  parentPort!.postMessage({ type: 'done', result });
} catch (error) {
  const shaped = isDiskFull(error) ? new AppError('storage', 'The disk is full, so the library could not be imported. Nothing was imported: free some space and import it again.') : error;
  parentPort!.postMessage({ type: 'error', error: toErrorShape(shaped), detail: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
