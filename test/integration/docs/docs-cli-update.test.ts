import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocsCommand, type DocsCommandHost } from '../../../main/services/docs/docs-command';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import { demoLibraries } from '../../../server/docs/demo-library';
import { DocsRepository } from '../../../server/docs/docs-repository';
import { buildPackage } from '../../../server/docs/package-builder';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from '../server/helpers';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)).access_token;
});
afterAll(() => api.close());

const LIBRARY = 'northwind-router-7-1-en';

/** The command as `npm run docs` runs it, in this process, with its output collected. */
async function docs(argv: string[], env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const host: DocsCommandHost = { program: 'docs', defaultDb: join(mkdtempSync(join(tmpdir(), 'esd-cli-default-')), 'never', 'local.sqlite'), env, fetch, out: (l) => lines.push(l) };
  const code = await runDocsCommand(argv, host);
  return { code, out: lines.join('\n') };
}

/** Publishes a newer package of the demo library on the reference server, with a word only it contains. */
async function publishNewer(word: string, updatedAt: string, catalogueSha256?: string) {
  const library = demoLibraries().find((l) => l.manifest.id === LIBRARY)!;
  const topic = library.manifest.topics[1]!;
  library.files.set(topic.file, Buffer.from(`${library.files.get(topic.file)!.toString('utf8')}<p>Newly documented: ${word}.</p>`));
  const manifest = { ...library.manifest, updatedAt };
  const pkg = await buildPackage(manifest, library.files);
  new DocsRepository(api.app.db).putLibrary(manifest, new Map(manifest.topics.map((t) => [t.id, library.files.get(t.file)!.toString('utf8')])), { data: pkg.data, sha256: catalogueSha256 ?? pkg.sha256 });
}

const installedSha = (db: string) => {
  const local = openLocalDatabase(db);
  try {
    return local.prepare("SELECT sha256 FROM docs_installs WHERE library_id = ? AND state = 'ready'").all(LIBRARY) as { sha256: string }[];
  } finally {
    local.close();
  }
};

describe('docs command line: update from the live reference API on loopback, help and argument errors', () => {
  it('installs from the catalogue, updates to a newer package, and refuses one whose SHA-256 does not match, leaving the installed copy as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-cli-update-'));
    const db = join(dir, 'local.sqlite');
    const env = { ESD_API_TOKEN: token };
    const args = ['--db', db, '--api', api.url];

    expect((await docs([...args, 'update', LIBRARY], env)).out).toMatch(new RegExp(`^Installed ${LIBRARY} 7\\.1: \\d+ topics\\.$`));
    expect((await docs([...args, 'update', LIBRARY], env)).out).toBe(`${LIBRARY} is up to date (7.1).`);
    expect((await docs([...args, 'update', '--all'], env)).out).toBe('Every installed library is up to date.');

    await publishNewer('quasarflux', '2027-01-01T00:00:00.000Z');
    expect((await docs([...args, 'update', '--all'], env)).out).toMatch(new RegExp(`^Updated ${LIBRARY} 7\\.1`));
    expect((await docs(['--db', db, 'search', 'quasarflux', '--json'])).out).toContain(`"library":"${LIBRARY}"`);
    const afterUpdate = installedSha(db);
    expect(afterUpdate).toHaveLength(1);

    // The catalogue now names a checksum the package does not have.
    await publishNewer('zyxwvorbit', '2027-02-01T00:00:00.000Z', 'e'.repeat(64));
    await expect(docs([...args, 'update', '--all'], env)).rejects.toMatchObject({ message: expect.stringMatching(/SHA-256/) });
    expect(installedSha(db)).toEqual(afterUpdate);
    expect(JSON.parse((await docs(['--db', db, 'search', 'zyxwvorbit', '--json'])).out).hits).toEqual([]);
    expect(JSON.parse((await docs(['--db', db, 'search', 'quasarflux', '--json'])).out).hits.length).toBeGreaterThan(0);
    // Nothing half-downloaded or quarantined stays behind.
    for (const folder of ['docs-downloads', 'quarantine']) expect(existsSync(join(dir, folder)) ? readdirSync(join(dir, folder)) : []).toEqual([]);
  }, 120_000);

  it('--help and "<command> --help" print usage and create no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-cli-help-'));
    const db = join(dir, 'sub', 'local.sqlite');
    const help = await docs(['--db', db, '--help']);
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('update [<id>|--all]') });
    expect((await docs(['--db', db, 'update', '--help'])).out).toMatch(/^Usage: docs \[--db <file>\] update/);
    expect((await docs(['--db', db])).out).toContain('Commands:');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('argument errors say what is wrong and create no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-cli-args-'));
    const db = ['--db', join(dir, 'sub', 'local.sqlite')];
    await expect(docs([...db, 'frobnicate'])).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('Unknown command "frobnicate"') });
    await expect(docs([...db, 'update'])).rejects.toMatchObject({ message: expect.stringContaining('Name one library id or --all') });
    await expect(docs([...db, 'update', LIBRARY, '--all'])).rejects.toMatchObject({ message: expect.stringContaining('Name one library id or --all') });
    await expect(docs([...db, 'export', LIBRARY])).rejects.toMatchObject({ message: expect.stringContaining('Wrong arguments for "export"') });
    await expect(docs([...db, 'search', 'x', '--colour'])).rejects.toMatchObject({ message: expect.stringContaining("Unknown option '--colour'") });
    await expect(docs([...db, 'update', '--all'])).rejects.toMatchObject({ message: expect.stringContaining('--api <url> or ESD_API_URL') });
    await expect(docs([...db, 'update', '--all', '--api', api.url])).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('ESD_API_TOKEN') });
    expect(existsSync(join(dir, 'sub'))).toBe(false);
    // A token the service refuses is found out only by asking it; nothing is installed.
    await expect(docs([...db, 'update', '--all', '--api', api.url], { ESD_API_TOKEN: 'not-a-token' })).rejects.toMatchObject({ code: 'offline', message: expect.stringContaining('Nothing was changed') });
  });
});
