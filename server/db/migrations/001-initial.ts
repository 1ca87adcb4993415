/**
 * The first schema. Kept to SQL that SQLite and PostgreSQL both accept (TEXT ids, BIGINT epoch
 * milliseconds, expression indexes, CHECK constraints) so a PostgreSQL dialect needs no rewrite.
 */
export const name = 'initial';

export const up = `
CREATE TABLE companies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL REFERENCES companies (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  contact_address TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  job TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- Case-insensitive uniqueness: two accounts must not differ only by letter case.
CREATE UNIQUE INDEX users_email_lower ON users (lower(email));
CREATE INDEX users_company ON users (company_id);

CREATE TABLE oauth_codes (
  code_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  code_challenge TEXT NOT NULL,
  scope TEXT NOT NULL,
  -- Set when the code is redeemed, so a replayed code can revoke what it produced (RFC 6749 4.1.2).
  family_id TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE oauth_tokens (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  family_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX oauth_tokens_family ON oauth_tokens (family_id);
CREATE INDEX oauth_tokens_user ON oauth_tokens (user_id);

-- Kept for the privacy center (what the service knows about a person's sign-ins).
CREATE TABLE sign_in_events (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  method TEXT NOT NULL
);
CREATE INDEX sign_in_events_user ON sign_in_events (user_id, at);
`;
