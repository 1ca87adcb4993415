import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonText, type DownloadJob } from '../../../main/services/downloads';
import { DownloadStore } from '../../../main/services/downloads/download-store';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import type { DownloadReason } from '../../../shared/contract/download-reason';
import { AppError, AppErrorSchema } from '../../../shared/errors';

const hash = (c: string) => c.repeat(64);
const job = (id: string, reason: DownloadReason | null): DownloadJob => ({
  id, kind: 'software', url: '/f', fileName: 'f.img', folder: '/d', partPath: '/d/.f.part', finalPath: null, quarantinePath: '/q/f.img',
  expectedSize: 3, expectedSha256: hash('a'), meta: {}, etag: null, receivedBytes: 3, state: 'failed', errorCode: null,
  message: reason ? reasonText(reason) : 'An English sentence from before the codes.', reason, sha256: hash('b'), createdAt: 1, updatedAt: 1, finishedAt: 2,
});

describe('the English message kept for logs and the CLI', () => {
  it.each<[DownloadReason, RegExp]>([
    [{ code: 'size-mismatch', actual: 1000, expected: 2048 }, /1,000 bytes but should be 2 KiB \(1000 ≠ 2048 bytes\)/],
    [{ code: 'oversize', expected: 10 }, /more than the 10 bytes/],
    [{ code: 'no-checksum' }, /no SHA-256 checksum/],
    [{ code: 'sha256-mismatch', expected: hash('a'), actual: hash('b') }, new RegExp(`expected ${hash('a')}, got ${hash('b')}`)],
    [{ code: 'bad-signature' }, /not signed by the vendor key/],
    [{ code: 'not-in-manifest' }, /does not list this file/],
    [{ code: 'catalogue-mismatch', expected: hash('a'), actual: hash('b') }, /not the catalogue/],
    [{ code: 'check-failed', error: 'socket hang up' }, /could not be checked: socket hang up/],
    [{ code: 'no-verifier', kind: 'x' }, /No verifier is registered for "x"/],
    [{ code: 'signed-manifest-match', sha256: hash('c'), version: '7.2.0' }, /matches the vendor-signed manifest of release 7.2.0/],
  ])('%j reads %s', (reason, text) => {
    expect(reasonText(reason)).toMatch(text);
  });
});

describe('verdict reasons in the local database', () => {
  const open = () => {
    const db = openLocalDatabase(join(mkdtempSync(join(tmpdir(), 'esd-reasons-')), 'local.sqlite'));
    return { db, store: new DownloadStore(db) };
  };

  it('keeps the code and its figures with the job, and clears them', () => {
    const { db, store } = open();
    const reason: DownloadReason = { code: 'sha256-mismatch', expected: hash('a'), actual: hash('b') };
    store.insert(job('one', reason));
    expect(store.get('one')).toMatchObject({ reason, message: reasonText(reason) });
    store.update('one', { state: 'queued', reason: null, message: null });
    expect(store.get('one')).toMatchObject({ reason: null, message: null });
    db.close();
  });

  it('reads a code this build does not know as null, so the screen shows the message instead', () => {
    const { db, store } = open();
    store.insert(job('two', { code: 'bad-signature' }));
    db.prepare('UPDATE downloads_jobs SET reason = ? WHERE id = ?').run(JSON.stringify({ code: 'from-a-newer-build' }), 'two');
    expect(store.get('two')).toMatchObject({ reason: null, message: reasonText({ code: 'bad-signature' }) });
    db.close();
  });

  it('adds the column to a database from before the codes; its rows keep their message and have no code', () => {
    const { db, store } = open();
    store.insert(job('old', null));
    // Back to the version-1 table, as an earlier build left it.
    db.exec("ALTER TABLE downloads_jobs DROP COLUMN reason; DELETE FROM local_migrations WHERE scope = 'downloads' AND version = 2");
    const upgraded = new DownloadStore(db);
    expect(upgraded.get('old')).toMatchObject({ reason: null, message: 'An English sentence from before the codes.' });
    upgraded.insert(job('new', { code: 'no-checksum' }));
    expect(upgraded.get('new')!.reason).toEqual({ code: 'no-checksum' });
    db.close();
  });
});

describe('a FAIL that reaches the screen as an error (the privacy export)', () => {
  it('carries the code across the bridge next to the English message', () => {
    const shape = new AppError('server', 'The release manifest is not signed…', undefined, { code: 'bad-signature' }).toJSON();
    expect(AppErrorSchema.parse(shape)).toEqual({ code: 'server', message: 'The release manifest is not signed…', downloadReason: { code: 'bad-signature' } });
    expect(new AppError('offline', 'No connection.').toJSON()).toEqual({ code: 'offline', message: 'No connection.' });
  });
});
