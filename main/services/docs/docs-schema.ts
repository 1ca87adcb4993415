import type { LocalMigration } from '../local-db/local-database';
import { deferIndexUpgrade } from './index-upgrades';
import { DOCUMENTATION_TABLES, SEARCH_INDEX_TABLES } from './search-index';

/**
 * The docs domain's tables in the local database. An install is one imported copy of a library;
 * only installs in state 'ready' are searched, so an update is imported beside the old copy and
 * swapped in one transaction (search keeps working on the old one until then).
 * docs_records are the search units (a page's top, or one of its h2/h3 sections); their id is the
 * rowid of docs_fts (and of docs_pairs and docs_titles, added by migration 2; long bodies are also in
 * docs_spans, with body_chars and link_share on the record, added by migration 4: see search-index.ts).
 * docs_terms is the unstemmed vocabulary for typo and prefix expansion.
 */
export const DOCS_MIGRATIONS: readonly LocalMigration[] = [
  {
    version: 1,
    name: 'libraries, topics, full-text index, vocabulary, bookmarks, history, scopes',
    up: `
CREATE TABLE docs_installs (
  id INTEGER PRIMARY KEY,
  library_id TEXT NOT NULL,
  product TEXT NOT NULL,
  version TEXT NOT NULL,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('catalogue', 'package', 'folder')),
  state TEXT NOT NULL CHECK (state IN ('importing', 'ready')),
  sha256 TEXT,
  updated_at TEXT NOT NULL,
  toc_json TEXT NOT NULL,
  topic_count INTEGER NOT NULL DEFAULT 0,
  text_bytes INTEGER NOT NULL DEFAULT 0,
  asset_bytes INTEGER NOT NULL DEFAULT 0,
  package_bytes INTEGER NOT NULL DEFAULT 0,
  installed_at TEXT NOT NULL
);
CREATE INDEX docs_installs_library ON docs_installs (library_id, state);

CREATE TABLE docs_topics (
  install_id INTEGER NOT NULL REFERENCES docs_installs (id) ON DELETE CASCADE,
  topic_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  title TEXT NOT NULL,
  path TEXT NOT NULL,
  html TEXT NOT NULL,
  PRIMARY KEY (install_id, topic_id)
);
CREATE INDEX docs_topics_path ON docs_topics (install_id, path);
CREATE INDEX docs_topics_ord ON docs_topics (install_id, ord);

CREATE TABLE docs_records (
  id INTEGER PRIMARY KEY,
  install_id INTEGER NOT NULL,
  topic_id TEXT NOT NULL,
  anchor TEXT NOT NULL,
  title TEXT NOT NULL,
  norm_title TEXT NOT NULL
);
CREATE INDEX docs_records_install ON docs_records (install_id);
CREATE INDEX docs_records_title ON docs_records (norm_title);

CREATE VIRTUAL TABLE docs_fts USING fts5(title, headings, body, tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO docs_fts (docs_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0)');

CREATE TABLE docs_terms (
  install_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  df INTEGER NOT NULL,
  PRIMARY KEY (install_id, term)
) WITHOUT ROWID;

CREATE TABLE docs_bookmarks (
  library_id TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (library_id, topic_id)
);

CREATE TABLE docs_history (
  id INTEGER PRIMARY KEY,
  library_id TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  title TEXT NOT NULL,
  viewed_at TEXT NOT NULL
);

CREATE TABLE docs_scopes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  libraries_json TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'word-pair and title indexes; Chinese and Japanese indexed character by character',
    // The tables now; filling them for libraries already imported runs in the import worker after the
    // window is shown (index-upgrades.ts), never at startup.
    up: (db) => {
      db.exec(SEARCH_INDEX_TABLES);
      deferIndexUpgrade(db, 2);
    },
  },
  {
    version: 3,
    name: 'feedback outbox',
    // Feedback written offline (P2.1), each with its Idempotency-Key, written in the same transaction
    // that queues it; rows carry their author so one person's feedback never goes with another's session.
    up: `
CREATE TABLE docs_feedback_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  payload_json TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX docs_feedback_outbox_user ON docs_feedback_outbox (user_id, seq);
`,
  },
  {
    version: 4,
    name: 'version numbers as one word, span index of long bodies, body length and link share per record',
    up: (db) => {
      db.exec(DOCUMENTATION_TABLES);
      deferIndexUpgrade(db, 4);
    },
  },
  {
    version: 5,
    name: 'library titles on bookmarks and history',
    // A bookmark or a page read online belongs to a library that may not be installed: its title is
    // kept with it, so the list never has to show the library's id.
    up: `
ALTER TABLE docs_bookmarks ADD COLUMN library_title TEXT NOT NULL DEFAULT '';
ALTER TABLE docs_history ADD COLUMN library_title TEXT NOT NULL DEFAULT '';
`,
  },
];
