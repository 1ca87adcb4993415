import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../server/db/open-database';
import { availableCategories } from '../../server/privacy/categories';
import { writeExport } from '../../server/privacy/export/export-writer';
import { CATEGORY_IDS } from '../../shared/api/privacy';

const TICKETS = 10_000;
const COMMENTS_PER_TICKET = 10;
const SIGN_INS = 100_000;
const USER = 'bench-user-0000-0000-000000000001';
const MiB = 1024 * 1024;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The big account, generated here and only here: 10,000 tickets of 10 comments each and 100,000 sign-ins. */
function generateAccount(dbPath: string): void {
  const db = openDatabase(dbPath);
  const at = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    db.prepare(`INSERT INTO companies (id, name, country, created_at) VALUES ('bench-co', 'Bench Networks', 'DE', ?)`).run(at);
    db.prepare(
      `INSERT INTO users (id, company_id, name, email, phone, contact_address, country, industry, job, password_hash, created_at, updated_at)
       VALUES (?, 'bench-co', 'Bench User', 'bench@example.com', '+49 30 1234567', 'Benchstraße 1, Berlin', 'DE', 'Telecommunications', 'Engineer', '!', ?, ?)`,
    ).run(USER, at, at);
    const ticket = db.prepare(
      `INSERT INTO tickets (id, number_seq, number, owner_id, company_id, title, description, product, version, device_serial, severity, category, status,
         contact_json, requester_ip, created_at, updated_at, sla_due_at)
       VALUES (?, ?, ?, ?, 'bench-co', ?, ?, 'Edge Router', '9.1', 'NW-RT-20931', 'medium', 'malfunction', 'closed', ?, '198.51.100.23', ?, ?, ?)`,
    );
    const comment = db.prepare('INSERT INTO ticket_comments (id, ticket_id, author, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const contact = JSON.stringify({ name: 'Bench User', email: 'bench@example.com', phone: '+49 30 1234567', country: 'DE', contactAddress: 'Benchstraße 1', company: 'Bench Networks' });
    for (let t = 0; t < TICKETS; t++) {
      const id = `ticket-${t}`;
      ticket.run(id, t + 1, t + 1, USER, `Router ${t} drops BGP sessions after upgrade`, `After the upgrade to 9.1 the router ${t} drops its BGP sessions every few hours. Logs attached.`, contact, at + t, at + t, at + t + 86_400_000);
      for (let c = 0; c < COMMENTS_PER_TICKET; c++) {
        comment.run(`${id}-c${c}`, id, c % 2 ? 'engineer' : 'customer', c % 2 ? 'Eve Engineer' : 'Bench User', `Comment ${c} on ticket ${t}: we checked the configuration and the timers again.`, at + t + c);
      }
    }
    const signIn = db.prepare('INSERT INTO sign_in_events (id, user_id, at, ip, method) VALUES (?, ?, ?, ?, ?)');
    for (let s = 0; s < SIGN_INS; s++) signIn.run(`sign-in-${s}`, USER, at + s * 1000, `203.0.113.${s % 250}`, s % 10 ? 'password' : 'sso:bench-entra-id');
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The floor: the same rows, read the same way, written as JSON lines to one file, nothing else. */
function writeRowsAsJson(dbPath: string, target: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const fd = openSync(target, 'w');
  let rows = 0;
  try {
    let pending: string[] = [];
    let length = 0;
    for (const category of availableCategories(db)) {
      for (const row of category.iterate(db, USER)) {
        const line = `${JSON.stringify(row)}\n`;
        pending.push(line);
        length += line.length;
        rows++;
        if (length >= 256 * 1024) {
          writeSync(fd, pending.join(''));
          pending = [];
          length = 0;
        }
      }
    }
    writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
    db.close();
  }
  return rows;
}

/** Samples RSS while `work` runs; returns its duration and the peak growth over the RSS at its start. */
async function measure<T>(work: () => Promise<T> | T): Promise<{ ms: number; rssGrowthMiB: number; result: T }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const began = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - began;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, rssGrowthMiB: (peak - start) / MiB, result };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `npm run bench -- export`: export time and peak RSS growth of the streamed ZIP export against the
 * floor of writing the same rows as JSON to a file, both measured here on the same generated account.
 * Targets (issue 6): ratio <= 1.5, rssGrowthMiB <= 128.
 */
export async function benchExport(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-export-'));
  try {
    const dbPath = join(dir, 'reference-api.sqlite');
    generateAccount(dbPath);
    // Warm the page cache once, so neither run pays for the first read of the file.
    writeRowsAsJson(dbPath, join(dir, 'warm.jsonl'));
    // Alternating runs, median of each, so a busy moment on a shared machine does not decide the ratio.
    // The export goes first in each pair, so its RSS growth is not hidden by memory the floor already took.
    const exports: number[] = [];
    const floors: number[] = [];
    let rssGrowthMiB = 0;
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      const exported = await measure(() => writeExport({ dbPath, userId: USER, createdAt: Date.now(), categories: CATEGORY_IDS, target: join(dir, `export-${run}.zip`) }));
      const floor = await measure(() => writeRowsAsJson(dbPath, join(dir, 'floor.jsonl')));
      exports.push(exported.ms);
      floors.push(floor.ms);
      rssGrowthMiB = Math.max(rssGrowthMiB, exported.rssGrowthMiB);
      rows = floor.result;
    }
    return {
      ratio: Number((median(exports) / median(floors)).toFixed(3)),
      rssGrowthMiB: Number(rssGrowthMiB.toFixed(1)),
      exportMs: Math.round(median(exports)),
      exportZipMiB: Number((statSync(join(dir, 'export-0.zip')).size / MiB).toFixed(1)),
      baselineJsonMs: Math.round(median(floors)),
      baselineJsonMiB: Number((statSync(join(dir, 'floor.jsonl')).size / MiB).toFixed(1)),
      baselineRows: rows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
