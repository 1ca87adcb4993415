import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { applyMigrations, openLocalDatabase } from '../local-db/local-database';
import { DOCS_MIGRATIONS } from './docs-schema';
import { importInWorker } from './importer';
import { LibraryStore } from './library-store';
import { exportPackage } from './package-export';
import { SearchEngine } from './search-engine';

/**
 * `npm run docs -- <command>`: the documentation library for scripts and air-gapped machines,
 * through the same importer, index and search engine as the app.
 *   import <folder|package>   list   remove <id>   export <id> <file>
 *   search "<query>" [--json] [--limit N]     search --stdin --json   (one query a line, one JSON line each)
 *   --db <file> picks the database (default ./esd-docs/local.sqlite; library files live beside it).
 */
const USAGE = 'Usage: npm run docs -- [--db <file>] import <folder|package> | list | remove <id> | export <id> <file> | search "<query>" [--json] [--limit N] | search --stdin --json';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, stdin: { type: 'boolean' }, help: { type: 'boolean' } },
});

const dbFile = resolve(values.db ?? 'esd-docs/local.sqlite');
mkdirSync(dirname(dbFile), { recursive: true });
const db = openLocalDatabase(dbFile);
applyMigrations(db, 'docs', DOCS_MIGRATIONS);
const dataDir = dirname(dbFile);
const store = new LibraryStore(db, dataDir);
const limit = Math.min(100, Math.max(1, Number(values.limit ?? 10) || 10));
const [command, ...args] = positionals;

async function run(): Promise<void> {
  if (values.help || !command) return void console.log(USAGE);
  if (command === 'import') {
    const source = args[0];
    if (!source) throw new AppError('validation', 'Name the folder or package file to import.');
    const isFolder = statSync(source, { throwIfNoEntry: false })?.isDirectory() ?? false;
    await store.removeUnfinished();
    const result = await importInWorker(dbFile, dataDir, isFolder ? { kind: 'folder', dir: resolve(source) } : { kind: 'package', file: resolve(source), source: 'package' }, (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\rImporting ${done}/${total}`);
    });
    await Promise.all(result.retired.map((id) => store.removeFiles(id)));
    console.log(`Imported ${result.libraryId}: ${result.topicCount} topics.`);
  } else if (command === 'list') {
    for (const row of store.ready()) console.log(`${row.library_id}\t${row.version}\t${row.topic_count} topics\t${LibraryStore.diskBytes(row)} bytes\t${row.title}`);
  } else if (command === 'remove') {
    if (!args[0] || !(await store.remove(args[0]))) throw new AppError('not_found', `No library "${args[0] ?? ''}" is installed.`);
    console.log(`Removed ${args[0]}.`);
  } else if (command === 'export') {
    const install = args[0] ? store.readyInstall(args[0]) : undefined;
    if (!install || !args[1]) throw new AppError('not_found', 'Name an installed library and the package file to write.');
    const result = await exportPackage(db, dataDir, install, resolve(args[1]));
    console.log(`Exported ${install.library_id}: ${result.topics} topics, ${result.bytes} bytes.`);
  } else if (command === 'search') {
    const engine = new SearchEngine(db);
    const answer = (query: string) => {
      const started = performance.now();
      const hits = engine.search(query, {}, limit).map((h) => ({ library: h.library, topicId: h.topicId, title: h.title, path: h.path, score: h.score }));
      return { hits, ms: Math.round((performance.now() - started) * 1000) / 1000 };
    };
    if (values.stdin) {
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) console.log(JSON.stringify(answer(line)));
    } else {
      const result = answer(args.join(' '));
      if (values.json) console.log(JSON.stringify(result));
      else for (const hit of result.hits) console.log(`${hit.score.toFixed(3)}\t${hit.library}\t${hit.path}\t${hit.title}`);
    }
  } else throw new AppError('validation', `Unknown command "${command}". ${USAGE}`);
}

try {
  await run();
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  db.close();
}
