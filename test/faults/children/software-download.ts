/**
 * A client process for fault tests: the app's software and download services over the data folder
 * ESD_DIR, downloading one file from the live server at ESD_API_URL. The parent test kills it with
 * SIGKILL at the moment it chooses.
 *
 * ESD_FAULT=pass-move: stops inside the PASS move, after the file was linked to its final name and
 *   before the part file is removed (an unlink of a .part file prints PAUSED and never returns).
 * The clock stands still, so the once-a-second progress save never happens: what is on disk at the
 * kill is what the first bytes left.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

if (process.env.ESD_FAULT === 'pass-move') {
  const unlink = fs.promises.unlink;
  fs.promises.unlink = (async (path: fs.PathLike) => {
    if (String(path).endsWith('.part')) {
      console.log('PAUSED inside the PASS move');
      await new Promise(() => undefined);
    }
    return unlink(path);
  }) as typeof unlink;
  // The services import unlink from node:fs/promises by name: make those bindings see the patch.
  syncBuiltinESMExports();
}

const { softwareDesktop } = await import('../../integration/software/desktop');
const desktop = softwareDesktop(env('ESD_API_URL'), env('ESD_TOKEN'), { dir: env('ESD_DIR'), now: () => 1_000_000 });
const job = await desktop.software.download(env('ESD_PRODUCT'), env('ESD_FILE'));
console.log(`QUEUED ${job.id}`);
const done = await desktop.downloads.whenSettled(job.id);
console.log(`SETTLED ${done.state}`);
await desktop.downloads.dispose();
desktop.db.close();
