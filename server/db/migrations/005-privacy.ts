/**
 * The privacy center (issue 6): consents and their receipts, rights requests, restriction and
 * erasure state, export jobs, the disclosure register, policy acknowledgements, and anonymous usage
 * statistics, which carry no user id so they stay apart from personal data (P2.8).
 */
export const name = 'privacy';

export const up = `
CREATE TABLE privacy_consents (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('marketing', 'recommendations', 'analytics')),
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE privacy_consent_receipts (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  old_value INTEGER NOT NULL,
  new_value INTEGER NOT NULL,
  policy_version TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX privacy_consent_receipts_user ON privacy_consent_receipts (user_id, at);

CREATE TABLE privacy_requests (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('restrict', 'erase', 'withdraw-consent', 'object')),
  purpose TEXT,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('received', 'confirmation-needed', 'completed', 'refused')),
  refusal_code TEXT,
  refusal_message TEXT,
  received_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  completed_at BIGINT
);
CREATE INDEX privacy_requests_user ON privacy_requests (user_id, received_at);

-- One row per account that is restricted (P5.3) or erased (P6.3).
CREATE TABLE privacy_account_state (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  restricted_at BIGINT,
  erased_at BIGINT
);

CREATE TABLE privacy_exports (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ready_at BIGINT,
  size BIGINT,
  sha256 TEXT
);
CREATE INDEX privacy_exports_user ON privacy_exports (user_id, created_at);

CREATE TABLE privacy_disclosures (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  recipient TEXT NOT NULL,
  recipient_category TEXT NOT NULL,
  purpose TEXT NOT NULL,
  data_categories TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX privacy_disclosures_user ON privacy_disclosures (user_id, at);

CREATE TABLE privacy_policy_acks (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (user_id, version)
);

-- No user id, no IP, no time finer than an hour: nothing here points at a person (P2.8).
CREATE TABLE telemetry_events (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  hour TEXT NOT NULL,
  app_version TEXT NOT NULL,
  platform TEXT NOT NULL,
  screen TEXT
);
`;
