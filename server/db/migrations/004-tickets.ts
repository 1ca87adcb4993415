/**
 * Service requests: devices (inventory, P1.5), tickets with their contact details and the requester's
 * IP, comments, attachments (files on disk, sha256 here), a change feed, and idempotency keys.
 * Portable SQL, as in 001 (TEXT ids, BIGINT epoch milliseconds).
 */
export const name = 'tickets';

export const up = `
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  company_id TEXT NOT NULL REFERENCES companies (id),
  serial TEXT NOT NULL,
  model TEXT NOT NULL,
  product TEXT NOT NULL,
  site TEXT NOT NULL,
  contract_end BIGINT NOT NULL
);
CREATE INDEX devices_owner ON devices (owner_id);
CREATE UNIQUE INDEX devices_serial ON devices (serial);

-- Users who may read every request of their company (not change them).
CREATE TABLE ticket_company_admins (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  number_seq BIGINT NOT NULL UNIQUE,
  owner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  company_id TEXT NOT NULL REFERENCES companies (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  product TEXT NOT NULL,
  version TEXT NOT NULL,
  device_serial TEXT NOT NULL,
  device_id TEXT REFERENCES devices (id) ON DELETE SET NULL,
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  category TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed')),
  contact_json TEXT NOT NULL,
  origin_kind TEXT,
  origin_ref TEXT,
  requester_ip TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  sla_due_at BIGINT NOT NULL,
  first_response_at BIGINT,
  reopen_until BIGINT
);
CREATE INDEX tickets_owner ON tickets (owner_id, updated_at);
CREATE INDEX tickets_company ON tickets (company_id, updated_at);
CREATE INDEX tickets_status ON tickets (status, created_at);

CREATE TABLE ticket_comments (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  author TEXT NOT NULL CHECK (author IN ('customer', 'engineer')),
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, created_at);

CREATE TABLE ticket_attachments (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX ticket_attachments_ticket ON ticket_attachments (ticket_id);

-- Status history and the change feed in one: seq is the feed cursor.
CREATE TABLE ticket_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'reply', 'attachment')),
  actor TEXT NOT NULL CHECK (actor IN ('customer', 'engineer')),
  from_status TEXT,
  to_status TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, seq);

-- The stored answer to each Idempotency-Key, per user, kept at least 24 hours.
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  scope TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
`;
