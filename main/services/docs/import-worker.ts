import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorShape } from '../../../shared/errors';
import { isDiskFull } from '../disk-full';
import { openLocalDatabase } from '../local-db/local-database';
import { runImport, type ImportJob } from './import-job';

/**
 * The import runs here, off the main thread: HTML parsing and index writes would otherwise stall
 * the app's event loop for seconds. It writes through its own connection (WAL lets main keep reading).
 */
const { dbFile, dataDir, job, keyHex } = workerData as { dbFile: string; dataDir: string; job: ImportJob; keyHex: string | null };
const db = openLocalDatabase(dbFile, { key: keyHex ? Buffer.from(keyHex, 'hex') : null });
try {
  const result = await runImport(db, dataDir, job, (done, total) => parentPort!.postMessage({ type: 'progress', done, total }));
  parentPort!.postMessage({ type: 'done', result });
} catch (error) {
  const shaped = isDiskFull(error) ? new AppError('storage', 'The disk is full, so the library could not be imported. Nothing was imported: free some space and import it again.') : error;
  parentPort!.postMessage({ type: 'error', error: toErrorShape(shaped), detail: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
