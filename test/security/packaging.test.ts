import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeFindings } from './electronegativity/judge-findings';
import { scanForMediumOrAbove } from './electronegativity/run-electronegativity';
import { buildLinuxDir, type LinuxPackage } from './packaging/build-linux-dir';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const work = mkdtempSync(join(tmpdir(), 'packaging-'));
let pkg: LinuxPackage;
let entries: string[];
let demoPkg: LinuxPackage;
let demoEntries: string[];
const listed = (asar: string) => listPackage(asar, { isPack: false }).map((entry) => entry.replace(/^[/\\]/, '').replace(/\\/g, '/'));

beforeAll(async () => {
  // The demo variant first, so out/ is left as an ordinary build for whatever runs next.
  demoPkg = await buildLinuxDir(work, { demo: true });
  demoEntries = listed(demoPkg.asar);
  pkg = await buildLinuxDir(work);
  entries = listed(pkg.asar);
}, 420_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Top-level packages of the lockfile that only devDependencies pull in. */
function devOnlyPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, info]) => info.dev === true && /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path))
    .map(([path]) => path.slice('node_modules/'.length));
}

/** The built main-process code in an archive, every file of out/main joined. */
function mainCode(asar: string, files: string[]): string {
  return files.filter((e) => e.startsWith('out/main/') && e.endsWith('.js')).map((e) => extractFile(asar, e).toString('utf8')).join('\n');
}

describe('issue 14: the reference API and its demo data are in the package only when demo mode is built in', () => {
  // Markers of the embedded API: its start function, the demo account and a demo company.
  const markers = ['startEmbeddedApi', 'alice@northwind.example', 'Northwind Networks'];

  it('an ordinary build (electron-vite build) carries none of them', () => {
    const code = mainCode(pkg.asar, entries);
    expect(code.length).toBeGreaterThan(10_000);
    for (const marker of markers) expect(code.includes(marker), marker).toBe(false);
    expect(entries.filter((e) => /^out\/main\/chunks\/embedded/.test(e)), 'the embedded API chunk').toEqual([]);
  });

  it('a demo build (electron-vite build --mode demo) carries all of them, in a chunk loaded only when the demo starts', () => {
    const code = mainCode(demoPkg.asar, demoEntries);
    for (const marker of markers) expect(code.includes(marker), marker).toBe(true);
    expect(demoEntries.filter((e) => /^out\/main\/chunks\/embedded-.*\.js$/.test(e))).toHaveLength(1);
    expect(extractFile(demoPkg.asar, 'out/main/index.js').toString('utf8')).not.toContain('alice@northwind.example');
  });

  it('bakes the default service address from electron-builder.yml (extraMetadata.supportServiceUrl) into package.json', () => {
    const manifest = JSON.parse(extractFile(pkg.asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { extraMetadata: Record<string, unknown> };
    expect('supportServiceUrl' in manifest).toBe(true);
    expect(manifest.supportServiceUrl).toBe(config.extraMetadata.supportServiceUrl);
  });
});

describe('the Linux package (electron-builder --dir with a stand-in Electron)', () => {
  it('holds only the built app, its package.json and production dependencies in app.asar', () => {
    const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const built = new Set(entries.filter((e) => e.startsWith('out/')).map((e) => e.split('/')[1]));
    expect([...built].sort(), 'the browser preview and its demo data stay out').toEqual(['main', 'preload', 'renderer']);
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(entries).toContain(file);
    for (const dependency of Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies)) {
      expect(entries, `production dependency ${dependency}`).toContain(`node_modules/${dependency}/package.json`);
    }
  });

  it('contains no sources, tests, source maps, databases or development-only packages', () => {
    expect(entries.filter((e) => /\.map$/.test(e)), 'source maps').toEqual([]);
    expect(entries.filter((e) => !e.startsWith('node_modules/') && /\.(ts|tsx)$/.test(e)), 'our TypeScript sources').toEqual([]);
    expect(entries.filter((e) => /\.(sqlite|sqlite-wal|sqlite-shm|db)$/.test(e) || /preview-data/.test(e)), 'databases and demo data').toEqual([]);
    expect(entries.filter((e) => /^(test|main|renderer|shared|server|preload|docs)\//.test(e)), 'source and test folders').toEqual([]);
    const devOnly = devOnlyPackages();
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'vitest', 'typescript', 'react', 'electron-builder']));
    expect(devOnly.filter((name) => entries.includes(`node_modules/${name}`)), 'development-only packages').toEqual([]);
  });

  it("keeps the app's package.json entry point, without scripts or development dependencies", () => {
    const manifest = JSON.parse(extractFile(pkg.asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest.main).toBe('out/main/index.js');
    expect(entries).toContain(manifest.main);
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('unpacks better-sqlite3 next to the archive, with only this platform’s prebuilds, and Node can load it and use FTS5', async () => {
    const addon = 'node_modules/better-sqlite3/prebuilds/linux-x64.node';
    expect((statFile(pkg.asar, addon) as { unpacked?: boolean }).unpacked).toBe(true);
    expect(existsSync(join(pkg.unpacked, addon))).toBe(true);
    expect(entries.filter((e) => /better-sqlite3\/prebuilds\/(darwin|win32)-/.test(e))).toEqual([]);
    expect(entries.filter((e) => /better-sqlite3\/(deps|src)\//.test(e)), 'C sources and the SQLite amalgamation').toEqual([]);
    const script = `
      const Database = require(${JSON.stringify(join(pkg.unpacked, 'node_modules', 'better-sqlite3'))});
      const db = new Database(':memory:');
      db.exec("CREATE VIRTUAL TABLE docs USING fts5(body); INSERT INTO docs VALUES ('offline manual')");
      process.stdout.write(db.prepare("SELECT count(*) AS n FROM docs WHERE docs MATCH 'manual'").get().n === 1 ? 'loaded' : 'wrong');`;
    const { stdout } = await run(process.execPath, ['-e', script]);
    expect(stdout).toBe('loaded');
  });

  it('flips the Electron fuses in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(pkg.executable);
    const state = (index: number) => String.fromCharCode(wire[index as keyof typeof wire] as number);
    const expected = {
      runAsNode: '0',
      enableCookieEncryption: '1',
      enableNodeOptionsEnvironmentVariable: '0',
      enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1',
      onlyLoadAppFromAsar: '1',
      loadBrowserProcessSpecificV8Snapshot: '0',
      grantFileProtocolExtraPrivileges: '0',
    };
    expect(Object.fromEntries(Object.keys(expected).map((name, index) => [name, state(index)]))).toEqual(expected);
  });

  it('points the updater at the generic https update server', () => {
    const update = load(readFileSync(join(pkg.resources, 'app-update.yml'), 'utf8')) as Record<string, unknown>;
    expect(update).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\/support\.example\.com\//) });
  });

  it('passes Electronegativity: nothing of medium severity or above in app.asar that has not been reviewed', async () => {
    const findings = await scanForMediumOrAbove(pkg.asar);
    const lineAt = (file: string, line: number) => {
      const entry = entries.filter((e) => file.endsWith(e)).sort((a, b) => b.length - a.length)[0];
      return entry ? (extractFile(pkg.asar, entry).toString('utf8').split('\n')[line - 1] ?? '') : '';
    };
    const { unreviewed, miscounted } = judgeFindings(findings, lineAt);
    expect(unreviewed, 'findings without a reviewed suppression').toEqual([]);
    expect(miscounted, 'suppressions that no longer match the bundle').toEqual([]);
  }, 120_000);
});
