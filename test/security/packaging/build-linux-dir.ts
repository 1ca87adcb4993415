import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createStandInElectron } from './stand-in-electron';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

export interface LinuxPackage {
  appOutDir: string;
  executable: string;
  resources: string;
  asar: string;
  unpacked: string;
}

/**
 * What `npm run build` and a release build do, minus the network: electron-vite builds out/, then
 * electron-builder packages linux --dir from electron-builder.yml with a stand-in Electron folder.
 * `npmRebuild: false` is already in the config (better-sqlite3 ships N-API prebuilds).
 */
export async function buildLinuxDir(workDir: string, variant: { demo: boolean } = { demo: false }): Promise<LinuxPackage> {
  const options = { cwd: ROOT, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, CI: 'true' } };
  // `--mode demo` is the build flag that carries the embedded reference API and its demo data (issue 14).
  await run(process.execPath, [bin('electron-vite'), 'build', '--logLevel', 'warn', ...(variant.demo ? ['--mode', 'demo'] : [])], options);
  const electronDist = createStandInElectron(join(workDir, 'electron-dist'));
  const output = join(workDir, variant.demo ? 'dist-demo' : 'dist');
  await run(
    process.execPath,
    [bin('electron-builder'), '--linux', '--dir', '--publish', 'never', '-c', 'electron-builder.yml', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    options,
  );
  const appOutDir = join(output, 'linux-unpacked');
  const resources = join(appOutDir, 'resources');
  return {
    appOutDir,
    executable: join(appOutDir, 'enterprise-support-desktop'),
    resources,
    asar: join(resources, 'app.asar'),
    unpacked: join(resources, 'app.asar.unpacked'),
  };
}
