/**
 * The software catalogue (products, releases, files with an access level), licence acceptances,
 * access applications for restricted software (P1.4, P2.2) and "help me get this" requests (P1.2).
 * Portable SQL, as in 001.
 */
export const name = 'software';

export const up = `
CREATE TABLE software_products (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  licence_version TEXT NOT NULL,
  licence_text TEXT NOT NULL
);

CREATE TABLE software_releases (
  id TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES software_products (id),
  version TEXT NOT NULL,
  release_date TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX software_releases_product ON software_releases (product_id);

CREATE TABLE software_files (
  id TEXT PRIMARY KEY,
  release_id TEXT NOT NULL REFERENCES software_releases (id),
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  access_level TEXT NOT NULL CHECK (access_level IN ('public', 'registered', 'restricted')),
  -- File name inside the server's software folder; never derived from the public name.
  storage_name TEXT NOT NULL,
  -- Demo content key: the server generates the file from it when it is missing.
  demo_seed TEXT
);
CREATE INDEX software_files_release ON software_files (release_id);

CREATE TABLE software_licence_acceptances (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES software_products (id),
  licence_version TEXT NOT NULL,
  accepted_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, product_id, licence_version)
);

CREATE TABLE software_applications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES software_products (id),
  reason TEXT NOT NULL,
  phone TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason TEXT,
  created_at BIGINT NOT NULL,
  -- The demo reviewer decides at this time (see server/software/application-rule.ts).
  decide_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX software_applications_user ON software_applications (user_id, product_id);

CREATE TABLE software_help_requests (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES software_products (id),
  file_id TEXT,
  problem TEXT NOT NULL,
  message TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX software_help_requests_user ON software_help_requests (user_id);
`;
