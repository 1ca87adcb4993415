import type { Database } from 'better-sqlite3';
// The demo users' fixed ids (server/db/seed-demo.ts), written out: that module calls this one.
const NORTHWIND = '6f1c2a5e-0b7d-4c1a-9a53-1d2e3f4a5b01';
const CONTOSO = '6f1c2a5e-0b7d-4c1a-9a53-1d2e3f4a5b02';
const ALICE = { id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c01', companyId: NORTHWIND };
const BERND = { id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c02', companyId: NORTHWIND };
const CHEN = { id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c03', companyId: CONTOSO };
const LI = { id: '0d9a7b6c-1e2f-4a3b-8c4d-5e6f7a8b9c04', companyId: CONTOSO };
const CONTRACT_END = Date.UTC(2027, 11, 31);

/** Fixed ids so tests and screenshots see the same inventory everywhere. */
export const DEMO_DEVICES = [
  { id: '7a1e0c3b-2d4f-4e5a-8b6c-000000000001', owner: ALICE, serial: 'NW-RT-20931', model: 'Edge Router X9', product: 'Edge Router', site: 'Berlin DC1' },
  { id: '7a1e0c3b-2d4f-4e5a-8b6c-000000000002', owner: ALICE, serial: 'NW-SW-44810', model: 'Core Switch 48', product: 'Core Switch', site: 'Berlin DC1' },
  { id: '7a1e0c3b-2d4f-4e5a-8b6c-000000000003', owner: BERND, serial: 'NW-ST-11502', model: 'Storage Array S2', product: 'Storage Array', site: 'Munich HQ' },
  { id: '7a1e0c3b-2d4f-4e5a-8b6c-000000000004', owner: CHEN, serial: 'CT-RT-88120', model: 'Edge Router X9', product: 'Edge Router', site: 'Beijing DC2' },
  { id: '7a1e0c3b-2d4f-4e5a-8b6c-000000000005', owner: LI, serial: 'CT-ST-30077', model: 'Storage Array S2', product: 'Storage Array', site: 'Beijing DC2' },
] as const;

/** Chen Wei reads every Contoso request (company admin); nobody at Northwind does. */
export const DEMO_COMPANY_ADMINS = [CHEN.id] as const;

/** Devices and admin rights of the demo accounts; only into a database that has none yet. */
export function seedTicketDemoData(db: Database): void {
  if (db.prepare('SELECT 1 FROM devices LIMIT 1').get()) return;
  const insert = db.prepare('INSERT INTO devices (id, owner_id, company_id, serial, model, product, site, contract_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const d of DEMO_DEVICES) insert.run(d.id, d.owner.id, d.owner.companyId, d.serial, d.model, d.product, d.site, CONTRACT_END);
    for (const id of DEMO_COMPANY_ADMINS) db.prepare('INSERT INTO ticket_company_admins (user_id) VALUES (?)').run(id);
  })();
}
