import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../../fakes/pdf-writer';

const run = promisify(execFile);
const cli = (args: string[], input?: string) => {
  // What `npm run docs` runs: the bundled command line (rebuilt when a source changed) and its bundled import worker.
  const child = run(process.execPath, ['scripts/docs-cli.mjs', ...args], { cwd: process.cwd(), timeout: 60_000 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child;
};

describe('docs command-line tool (same importer, index and engine as the app)', () => {
  it('imports a folder, lists, searches (text, --json, --stdin), exports a package that imports on another database, and removes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-docs-cli-'));
    const manual = join(dir, 'router-manual');
    mkdirSync(join(manual, 'net'), { recursive: true });
    writeFileSync(join(manual, 'index.html'), '<title>Router manual</title><h1>Router manual</h1><p>Start here.</p>');
    writeFileSync(join(manual, 'net', 'bonding.html'), '<title>Network bonding</title><h1>Network bonding</h1><p>Joins links.</p><h2 id="modes">Bonding modes</h2><p>Active backup keeps a standby link.</p>');
    const db = ['--db', join(dir, 'a', 'local.sqlite')];

    expect((await cli([...db, 'import', manual])).stdout).toContain('Imported router-manual-local: 2 topics.');
    expect((await cli([...db, 'list'])).stdout).toMatch(/^router-manual-local\tlocal\t2 topics/);
    expect((await cli([...db, 'search', 'network bonding'])).stdout).toContain('net/bonding.html\tNetwork bonding');

    const json = JSON.parse((await cli([...db, 'search', 'active backup', '--json', '--limit', '3'])).stdout);
    expect(json.hits[0]).toMatchObject({ library: 'router-manual-local', topicId: 'net-bonding', title: 'Bonding modes', path: 'net/bonding.html#modes' });
    expect(typeof json.ms).toBe('number');

    const lines = (await cli([...db, 'search', '--stdin', '--json'], 'bonding modes\nrouter manul\n"NEAR( *\n')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].hits[0].path).toBe('net/bonding.html#modes');
    expect(lines[1].hits[0].title).toBe('Router manual'); // typo forgiven
    expect(lines[2]).toMatchObject({ hits: expect.any(Array), ms: expect.any(Number) });

    const pkg = join(dir, 'router.esdlib');
    expect((await cli([...db, 'export', 'router-manual-local', pkg])).stdout).toContain('Exported router-manual-local: 2 topics');
    const other = ['--db', join(dir, 'b', 'local.sqlite')];
    expect((await cli([...other, 'import', pkg])).stdout).toContain('Imported router-manual-local: 2 topics.');
    expect((await cli([...other, 'search', 'bonding modes', '--json'])).stdout).toContain('"title":"Bonding modes"');

    expect((await cli([...db, 'remove', 'router-manual-local'])).stdout).toContain('Removed');
    expect((await cli([...db, 'list'])).stdout).toBe('');
    await expect(cli([...db, 'remove', 'nothing-here'])).rejects.toMatchObject({ stderr: expect.stringContaining('No library "nothing-here"') });
  }, 120_000);

  it('imports a folder of PDFs, reports the one it refuses by name, and finds a PDF page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-docs-cli-pdf-'));
    const manuals = join(dir, 'vendor-manuals');
    mkdirSync(manuals);
    writeFileSync(join(manuals, 'switch.pdf'), writePdf({ title: 'Switch Guide', pages: [{ lines: ['Switch Guide'] }, { lines: ['Port mirroring', 'Mirror a port to a monitoring station.'] }], outline: [{ title: 'Port mirroring', page: 2 }] }));
    writeFileSync(join(manuals, 'locked.pdf'), writePdf({ pages: [{ lines: ['secret'] }], encrypted: true }));
    const db = ['--db', join(dir, 'local.sqlite')];
    const { stdout } = await cli([...db, 'import', manuals]);
    expect(stdout).toContain('Skipped locked.pdf: "locked.pdf" was not imported: it is protected by a password');
    expect(stdout).toContain('Imported vendor-manuals-local: 1 topics; 1 file(s) skipped.');
    expect((await cli([...db, 'search', 'port mirroring'])).stdout).toContain('switch.pdf#page=2\tPort mirroring');
    await expect(cli([...db, 'import', join(manuals, 'locked.pdf')])).rejects.toMatchObject({ stderr: expect.stringContaining('"locked.pdf" was not imported: it is protected by a password') });
  }, 120_000);

  it('runs from a bundle that is rebuilt when a source it was built from is newer, so a command never runs stale code', async () => {
    const bundle = join('node_modules', '.cache', 'esd-docs-cli');
    await cli(['--help']);
    const inputs = JSON.parse(readFileSync(join(bundle, 'inputs.json'), 'utf8')) as string[];
    expect(inputs).toEqual(expect.arrayContaining(['main/services/docs/docs-cli.ts', 'main/services/docs/import-worker.ts', 'main/services/docs/search-engine.ts']));
    // The bundle now looks older than its sources: the next command builds it again before it runs.
    const past = new Date('2001-01-01T00:00:00Z');
    utimesSync(join(bundle, 'docs-cli.js'), past, past);
    expect((await cli(['--help'])).stdout).toContain('Usage:');
    expect(statSync(join(bundle, 'docs-cli.js')).mtimeMs).toBeGreaterThan(past.getTime() + 1000);
  }, 60_000);
});
