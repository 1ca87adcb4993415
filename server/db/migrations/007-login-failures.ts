/**
 * Failed sign-ins per account, so a restart does not reset the lockout (LoginThrottle). Rows hold a
 * keyed hash of the e-mail, never the address itself: see server/auth/login-throttle.ts for why.
 * The hash key is one random value per database, kept in its own single-row table.
 */
export const name = 'login-failures';

export const up = `
CREATE TABLE login_failures (
  account_key TEXT NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account_key, failed_at);
CREATE INDEX login_failures_at ON login_failures (failed_at);

CREATE TABLE login_failure_salt (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  salt TEXT NOT NULL
);
`;
