import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { ApiClient, type FetchLike } from '../api/api-client';
import { DownloadManager } from '../downloads';
import { applyMigrations, openLocalDatabase, type LocalDatabase } from '../local-db/local-database';
import { DOCS_MIGRATIONS } from './docs-schema';
import { PDF } from './folder-reader';
import { runIndexUpgrades } from './index-upgrades';
import { importInWorker } from './importer';
import { LibraryManager } from './library-manager';
import { LibraryStore } from './library-store';
import { exportPackage } from './package-export';
import { SearchEngine } from './search-engine';

/** Where the command runs: `npm run docs` (a folder of its own) or the installed app (the app's own data). */
export interface DocsCommandHost {
  /** How the user starts it, for the usage text: `npm run docs --` or the app's executable with `docs`. */
  program: string;
  /** The database used without --db. */
  defaultDb: string;
  /** The key of the default database (the app's own is encrypted at rest); a --db of the user's choice is plain. */
  defaultDbKey?: Buffer | null;
  /** The documentation service used without --api or ESD_API_URL (the app's configured service). */
  defaultApiUrl?: string | undefined;
  /** A token for that service when ESD_API_TOKEN is not set (the app's saved sign-in). */
  savedToken?: (apiUrl: string) => Promise<string | null>;
  env: Record<string, string | undefined>;
  fetch: FetchLike;
  out: (line: string) => void;
  progress?: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
}

const COMMANDS: Record<string, string> = {
  import: 'import <folder|file.pdf|package>\n                            Import a folder of HTML pages and PDF files, one PDF, or an .esdlib package\n                            (replaces an older copy of the same library). A PDF that cannot be read is\n                            reported and left out; the folder\'s other files are imported.',
  list: 'list                      List installed libraries: id, version, topics, bytes on disk, title.',
  remove: 'remove <id>               Remove an installed library and its files.',
  export: 'export <id> <file>        Write an installed library as an .esdlib package.',
  search: 'search "<query>" [--json] [--limit N] | search --stdin --json\n                            Search installed libraries; "router: vlan" searches only libraries matching "router".',
  update: 'update [<id>|--all] [--api <url>]\n                            Install or update libraries from the documentation service\'s catalogue:\n                            download, check the catalogue\'s SHA-256, import beside the installed copy, swap.\n                            Service: --api <url>, else ESD_API_URL, else the app\'s configured service.\n                            Token: ESD_API_TOKEN, else the app\'s saved sign-in (installed app only).',
};

export const usage = (program: string, command?: string, defaultDb = './esd-docs/local.sqlite') =>
  command && COMMANDS[command]
    ? `Usage: ${program} [--db <file>] ${COMMANDS[command]}`
    : [`Usage: ${program} [--db <file>] <command> [arguments]`, '', 'Commands:', ...Object.values(COMMANDS).map((c) => `  ${c}`), '',
      `  --db <file>   the database (default ${defaultDb}; library files live beside it)`, '  --help        this text; "<command> --help" for one command. Writes nothing.'].join('\n');

const ARITY: Record<string, [min: number, max: number]> = { import: [1, 1], list: [0, 0], remove: [1, 1], export: [2, 2], search: [0, Infinity], update: [0, 1] };

/**
 * The documentation library for scripts and air-gapped machines, through the same importer, index,
 * search engine and library manager as the app. Arguments are checked before anything is opened, so
 * a mistake or `--help` writes nothing. Returns the exit code; errors are AppErrors with a clear message.
 */
export async function runDocsCommand(argv: string[], host: DocsCommandHost): Promise<number> {
  const { values, positionals } = parseArguments(argv, host.program);
  const [command, ...args] = positionals;
  if (values.help || !command) {
    host.out(usage(host.program, command, host.defaultDb));
    return 0;
  }
  const arity = ARITY[command];
  if (!arity) throw new AppError('validation', `Unknown command "${command}".\n${usage(host.program)}`);
  if (command !== 'search' && (args.length < arity[0] || args.length > arity[1])) throw new AppError('validation', `Wrong arguments for "${command}".\n${usage(host.program, command)}`);
  if (command === 'update' && Boolean(values.all) === Boolean(args[0])) throw new AppError('validation', `Name one library id or --all.\n${usage(host.program, command)}`);
  if (command === 'search' && !values.stdin && args.length === 0) throw new AppError('validation', `Type a query.\n${usage(host.program, command)}`);
  if (values.limit !== undefined && !/^\d+$/.test(values.limit)) throw new AppError('validation', '--limit takes a whole number (1 to 100).');
  const api = command === 'update' ? await serviceFor(values.api, host) : null;

  const dbFile = resolve(values.db ?? host.defaultDb);
  mkdirSync(dirname(dbFile), { recursive: true });
  const key = values.db ? null : (host.defaultDbKey ?? null);
  const db = openLocalDatabase(dbFile, { key });
  try {
    applyMigrations(db, 'docs', DOCS_MIGRATIONS);
    // A command has no window to keep responsive: a pending index upgrade runs here, before the command.
    runIndexUpgrades(db);
    const docs = { db, dbFile, key, dataDir: dirname(dbFile), store: new LibraryStore(db, dirname(dbFile)) };
    if (command === 'update') await update(docs, api!, args[0] ?? null, host);
    else await runLocal(command, args, values, docs, host);
    return 0;
  } finally {
    db.close();
  }
}

type Values = ReturnType<typeof parseArguments>['values'];
type Docs = { db: LocalDatabase; dbFile: string; key: Buffer | null; dataDir: string; store: LibraryStore };

function parseArguments(argv: string[], program: string) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, stdin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }, all: { type: 'boolean' }, api: { type: 'string' },
      },
    });
  } catch (error) {
    throw new AppError('validation', `${(error as Error).message}\n${usage(program)}`);
  }
}

async function serviceFor(flag: string | undefined, host: DocsCommandHost): Promise<{ url: string; token: string }> {
  const url = flag ?? host.env.ESD_API_URL ?? host.defaultApiUrl;
  if (!url) throw new AppError('validation', 'Name the documentation service: --api <url> or ESD_API_URL.');
  const token = host.env.ESD_API_TOKEN ?? (await host.savedToken?.(url)) ?? null;
  if (!token) {
    const how = host.savedToken ? 'sign in to this service in the app, or set ESD_API_TOKEN' : 'set ESD_API_TOKEN to an access token for it';
    throw new AppError('unauthorized', `The catalogue needs a signed-in user: ${how}.`);
  }
  return { url, token };
}

async function update(docs: Docs, service: { url: string; token: string }, libraryId: string | null, host: DocsCommandHost): Promise<void> {
  const getAccessToken = async () => service.token;
  const downloads = new DownloadManager({
    db: docs.db, fetch: host.fetch, baseUrl: service.url, getAccessToken,
    downloadFolder: () => join(docs.dataDir, 'docs-downloads'), quarantineFolder: join(docs.dataDir, 'quarantine'),
  });
  const manager = new LibraryManager({
    api: new ApiClient({ baseUrl: service.url, fetch: host.fetch, getAccessToken, retries: 1 }),
    downloads, store: docs.store, dataDir: docs.dataDir,
    // The command line has no storage setting: the disk's free space is still checked.
    storageLimitBytes: () => Number.MAX_SAFE_INTEGER,
    runImport: (job, progress) => importInWorker(docs.dbFile, docs.dataDir, job, progress, docs.key),
    onInstallsChanged: () => undefined,
  });
  try {
    await manager.start();
    downloads.start();
    const listed = await manager.list();
    if (!listed.catalogueOnline) throw new AppError('offline', `The catalogue of ${service.url} cannot be reached (or refused the token). Nothing was changed.`);
    const wanted = libraryId
      ? listed.libraries.filter((l) => l.id === libraryId)
      : listed.libraries.filter((l) => l.state === 'update-available');
    if (libraryId && wanted.length === 0) throw new AppError('not_found', `No library "${libraryId}" is in the catalogue of ${service.url}.`);
    if (libraryId && wanted[0]!.state === 'installed') return void host.out(`${libraryId} is up to date (${wanted[0]!.version}).`);
    if (wanted.length === 0) return void host.out('Every installed library is up to date.');
    let failed = 0;
    for (const library of wanted) {
      try {
        const view = await manager.installAndWait(library.id);
        host.out(`${library.state === 'available' ? 'Installed' : 'Updated'} ${view.id} ${view.version}: ${view.topicCount} topics.`);
      } catch (error) {
        if (wanted.length === 1) throw error;
        failed++;
        host.out(`Could not update ${library.id}: ${error instanceof AppError ? error.message : String(error)}`);
      }
    }
    if (failed) throw new AppError('validation', `${failed} of ${wanted.length} libraries could not be updated; their installed copies are unchanged.`);
  } finally {
    manager.dispose();
    await downloads.dispose();
  }
}

async function runLocal(command: string, args: string[], values: Values, { db, dbFile, key, dataDir, store }: Docs, host: DocsCommandHost): Promise<void> {
  if (command === 'import') {
    const source = args[0]!;
    const isFolder = (statSync(source, { throwIfNoEntry: false })?.isDirectory() ?? false) || PDF.test(source);
    await store.removeUnfinished();
    const result = await importInWorker(
      dbFile,
      dataDir,
      isFolder ? { kind: 'folder', dir: resolve(source) } : { kind: 'package', file: resolve(source), source: 'package' },
      (done, total, detail) => host.progress?.(detail?.pages ? `Importing ${done + 1}/${total} ${detail.file}: page ${detail.page}/${detail.pages}` : `Importing ${done}/${total}`),
      key,
    );
    await Promise.all(result.retired.map((id) => store.removeFiles(id)));
    for (const skipped of result.skipped) host.out(`Skipped ${skipped.file}: ${skipped.message}`);
    host.out(`Imported ${result.libraryId}: ${result.topicCount} topics${result.skipped.length ? `; ${result.skipped.length} file(s) skipped` : ''}.`);
  } else if (command === 'list') {
    for (const row of store.ready()) host.out(`${row.library_id}\t${row.version}\t${row.topic_count} topics\t${LibraryStore.diskBytes(row)} bytes\t${row.title}`);
  } else if (command === 'remove') {
    if (!(await store.remove(args[0]!))) throw new AppError('not_found', `No library "${args[0]}" is installed.`);
    host.out(`Removed ${args[0]}.`);
  } else if (command === 'export') {
    const install = store.readyInstall(args[0]!);
    if (!install) throw new AppError('not_found', `No library "${args[0]}" is installed.`);
    const result = await exportPackage(db, dataDir, install, resolve(args[1]!));
    host.out(`Exported ${install.library_id}: ${result.topics} topics, ${result.bytes} bytes.`);
  } else if (command === 'search') {
    const engine = new SearchEngine(db);
    const limit = Math.min(100, Math.max(1, Number(values.limit ?? 10) || 10));
    const answer = (query: string) => {
      const started = performance.now();
      const hits = engine.search(query, {}, limit).map((h) => ({ library: h.library, topicId: h.topicId, title: h.title, path: h.path, score: h.score }));
      return { hits, ms: Math.round((performance.now() - started) * 1000) / 1000 };
    };
    if (values.stdin) {
      for await (const line of createInterface({ input: host.stdin ?? process.stdin, crlfDelay: Infinity })) host.out(JSON.stringify(answer(line)));
    } else {
      const result = answer(args.join(' '));
      if (values.json) host.out(JSON.stringify(result));
      else for (const hit of result.hits) host.out(`${hit.score.toFixed(3)}\t${hit.library}\t${hit.path}\t${hit.title}`);
    }
  }
}
