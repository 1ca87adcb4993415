/**
 * Rights requests may ask to end a restriction (`lift-restriction`, P5.3). The kind is guarded by a
 * CHECK constraint, which SQLite cannot alter in place, so the table is rebuilt with its rows and
 * index; migrate() runs this in one transaction, so a crash leaves the old table intact.
 */
export const name = 'lift-restriction';

export const up = `
CREATE TABLE privacy_requests_new (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('restrict', 'lift-restriction', 'erase', 'withdraw-consent', 'object')),
  purpose TEXT,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('received', 'confirmation-needed', 'completed', 'refused')),
  refusal_code TEXT,
  refusal_message TEXT,
  received_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  completed_at BIGINT
);
INSERT INTO privacy_requests_new (id, user_id, kind, purpose, note, status, refusal_code, refusal_message, received_at, due_at, completed_at)
  SELECT id, user_id, kind, purpose, note, status, refusal_code, refusal_message, received_at, due_at, completed_at FROM privacy_requests;
DROP TABLE privacy_requests;
ALTER TABLE privacy_requests_new RENAME TO privacy_requests;
CREATE INDEX privacy_requests_user ON privacy_requests (user_id, received_at);
`;
