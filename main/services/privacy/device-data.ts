import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DeviceData } from '../../../shared/contract/privacy-contract';
import type { LocalDatabase } from '../local-db/local-database';

type ItemId = DeviceData['items'][number]['id'];

/**
 * Files of the embedded reference API. It stands in for the remote support service, so its files are
 * the service's data (shown under My data), not this computer's cache; "clear local data" keeps them.
 */
export const SERVICE_FILES = /^(reference-api\.sqlite(-wal|-shm|-journal)?|privacy-exports|software-files|ticket-attachments)$/;

export async function listFiles(dir: string): Promise<{ path: string; bytes: number }[]> {
  const found: { path: string; bytes: number }[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (current === dir && SERVICE_FILES.test(entry.name)) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) found.push({ path: relative(dir, full), bytes: (await stat(full).catch(() => ({ size: 0 }))).size });
    }
  };
  await walk(dir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

function classify(path: string): ItemId {
  const top = path.split(/[\\/]/)[0]!;
  // Damaged files set aside at start-up (issue 19) count with what they were.
  if (/^settings(\.json)?(\.broken-[\w-]+)?$/.test(top) || top === 'config.json') return 'settings';
  if (/^local\.sqlite(\.broken-[\w-]+?|\.backup\.json|\.damaged|\.key)?(-wal|-shm|-journal)?$/.test(top)) return 'local-database';
  if (top === 'session.bin') return 'token';
  if (top === 'downloads' || top === 'quarantine' || top === 'docs-downloads') return 'downloads';
  if (top === 'docs') return 'documents';
  if (top === 'tickets-staged') return 'drafts';
  if (/cache/i.test(top) || ['Local Storage', 'Session Storage', 'IndexedDB', 'blob_storage', 'Service Worker', 'WebStorage', 'Cookies', 'Cookies-journal'].includes(top)) return 'caches';
  return 'other';
}

/**
 * Rows per table, grouped by the owning domain's prefix (docs_, tickets_, downloads_...), so a person
 * sees "drafts and outbox: 3" rather than SQLite internals. FTS shadow tables are counted with their table.
 */
export function tableCounts(db: LocalDatabase): { name: string; rows: number }[] {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const shadow = /_(data|idx|content|docsize|config)$/;
  return tables
    .filter((t) => !shadow.test(t.name) && t.name !== 'local_migrations')
    .map((t) => ({ name: t.name, rows: (db.prepare(`SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`).get() as { n: number }).n }));
}

/** P3.2: everything this computer keeps, by kind, with sizes. */
export async function describeDeviceData(dataDir: string, db: LocalDatabase, tokenStored: boolean, databaseKey: DeviceData['databaseKey']): Promise<DeviceData> {
  const files = await listFiles(dataDir);
  const items = new Map<ItemId, DeviceData['items'][number]>();
  for (const file of files) {
    const id = classify(file.path);
    const item = items.get(id) ?? { id, bytes: 0, files: [], tables: [] };
    item.bytes += file.bytes;
    item.files.push(file.path);
    items.set(id, item);
  }
  const database = items.get('local-database') ?? { id: 'local-database' as const, bytes: 0, files: [], tables: [] };
  database.tables = db.open ? tableCounts(db) : [];
  items.set('local-database', database);
  return {
    dataFolder: dataDir,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    tokenStored,
    databaseKey,
    items: [...items.values()],
  };
}
