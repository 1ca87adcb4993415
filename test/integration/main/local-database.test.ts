import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, openLocalDatabase, type LocalMigration } from '../../../main/services/local-db/local-database';

const file = () => join(mkdtempSync(join(tmpdir(), 'local-db-')), 'local.sqlite');

const notes: LocalMigration[] = [
  { version: 1, name: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)' },
  { version: 2, name: 'notes fts', up: "CREATE VIRTUAL TABLE notes_fts USING fts5(body, content='notes', content_rowid='id')" },
];

describe('local database (real SQLite file)', () => {
  it('uses WAL and has FTS5', () => {
    const db = openLocalDatabase(file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    applyMigrations(db, 'notes', notes);
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('firmware upgrade guide');
    db.exec("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')");
    expect(db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'firm*'").all()).toEqual([{ rowid: 1 }]);
  });

  it('applies each migration once, per domain, across restarts', () => {
    const path = file();
    expect(applyMigrations(openLocalDatabase(path), 'notes', notes)).toEqual([1, 2]);
    const reopened = openLocalDatabase(path);
    expect(applyMigrations(reopened, 'notes', notes)).toEqual([]);
    expect(applyMigrations(reopened, 'other', [{ version: 1, name: 'x', up: 'CREATE TABLE other_x (id INTEGER)' }])).toEqual([1]);
  });

  it('leaves nothing half-applied when a migration fails', () => {
    const db = openLocalDatabase(file());
    const broken: LocalMigration[] = [{ version: 1, name: 'broken', up: 'CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER);' }];
    expect(() => applyMigrations(db, 'broken', broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    expect(db.prepare("SELECT * FROM local_migrations WHERE scope = 'broken'").all()).toEqual([]);
  });
});
