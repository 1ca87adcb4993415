/**
 * Documentation: the library catalogue with each library's package, topics for online search and
 * topic fetch, and feedback stored against the user (P2.1). The FTS5 table is SQLite's; a
 * PostgreSQL dialect would use a tsvector column on doc_topics instead.
 */
export const name = 'docs';

export const up = `
CREATE TABLE doc_libraries (
  id TEXT PRIMARY KEY,
  product TEXT NOT NULL,
  version TEXT NOT NULL,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  topic_count INTEGER NOT NULL,
  package_size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  package BLOB NOT NULL
);

CREATE TABLE doc_topics (
  library_id TEXT NOT NULL REFERENCES doc_libraries (id) ON DELETE CASCADE,
  topic_id TEXT NOT NULL,
  title TEXT NOT NULL,
  html TEXT NOT NULL,
  body_text TEXT NOT NULL,
  PRIMARY KEY (library_id, topic_id)
);

CREATE VIRTUAL TABLE doc_topics_fts USING fts5(library_id UNINDEXED, topic_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TABLE doc_feedback (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  library_id TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  comment TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX doc_feedback_user ON doc_feedback (user_id, created_at);
`;
