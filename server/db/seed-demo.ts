import type { Database } from 'better-sqlite3';
import { hashPassword } from '../auth/passwords';
import { seedSoftwareCatalogue } from '../software/demo-catalogue';
import { seedDemoDocs } from '../docs/seed-docs';
import { seedPrivacyDemo } from '../privacy/privacy-seed';
import { seedTicketDemoData } from '../tickets/seed-tickets';

/** The account a newcomer signs in with; printed by the CLI and shown by the embedded mode. */
export const DEMO_ACCOUNT = { email: 'alice@northwind.example', password: 'support-demo-2026' } as const;

export const DEMO_COMPANIES = [
  { id: '6f1c2a5e-0b7d-4c1a-9a53-1d2e3f4a5b01', name: 'Northwind Networks', country: 'DE' },
  { id: '6f1c2a5e-0b7d-4c1a-9a53-1d2e3f4a5b02', name: 'Contoso Datacenter', country: 'CN' },
] as const;

const [NORTHWIND, CONTOSO] = DEMO_COMPANIES;

/** Fixed ids and details so screenshots, tests and docs see the same data on every machine. */
export const DEMO_USERS = [
  {
    id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c01', companyId: NORTHWIND.id, name: 'Alice Becker', ...DEMO_ACCOUNT,
    phone: '+49 30 901820', contactAddress: 'Friedrichstraße 12, 10117 Berlin', country: 'DE', industry: 'Telecommunications', job: 'Network engineer',
  },
  {
    id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c02', companyId: NORTHWIND.id, name: 'Bernd Vogel', email: 'bernd@northwind.example', password: 'support-demo-2026-bernd',
    phone: '+49 89 2180', contactAddress: 'Leopoldstraße 5, 80802 München', country: 'DE', industry: 'Telecommunications', job: 'IT manager',
  },
  {
    id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c03', companyId: CONTOSO.id, name: 'Chen Wei', email: 'chen.wei@contoso.example', password: 'support-demo-2026-chen',
    phone: '+86 10 6552 9988', contactAddress: '1 Jianguomenwai Avenue, Beijing', country: 'CN', industry: 'Cloud services', job: 'Operations lead',
  },
  {
    id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c04', companyId: CONTOSO.id, name: 'Li Na', email: 'li.na@contoso.example', password: 'support-demo-2026-li',
    phone: '', contactAddress: '', country: 'CN', industry: 'Cloud services', job: 'Storage administrator',
  },
] as const;

// A fixed creation time keeps the seed deterministic (2026-01-05T09:00:00Z).
const SEEDED_AT = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * Seeds the demo companies and users into an empty database. Does nothing once any company exists,
 * so a restart never overwrites what people changed.
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  // Idempotent on its own, before the early return: databases created before the catalogue existed get it too.
  seedSoftwareCatalogue(db);
  await seedDemoDocs(db); // the catalogue is seeded on its own: it holds no personal data
  if (db.prepare('SELECT 1 FROM companies LIMIT 1').get()) return false;
  // Hash outside the transaction: scrypt is async and a transaction must not span an await.
  const hashes = await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)));
  const insertCompany = db.prepare('INSERT INTO companies (id, name, country, created_at) VALUES (?, ?, ?, ?)');
  const insertUser = db.prepare(
    `INSERT INTO users (id, company_id, name, email, phone, contact_address, country, industry, job, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM companies LIMIT 1').get()) return false;
    for (const company of DEMO_COMPANIES) insertCompany.run(company.id, company.name, company.country, SEEDED_AT);
    DEMO_USERS.forEach((u, i) => {
      insertUser.run(u.id, u.companyId, u.name, u.email, u.phone, u.contactAddress, u.country, u.industry, u.job, hashes[i], SEEDED_AT, SEEDED_AT);
    });
    seedTicketDemoData(db);
    seedPrivacyDemo(db);
    return true;
  })();
}
