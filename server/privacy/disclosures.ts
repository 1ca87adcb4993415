import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { RECIPIENT_CATEGORIES, type Disclosures } from '../../shared/api/privacy';

type Record = Disclosures['records'][number];
type DisclosureRow = { id: string; recipient: string; recipient_category: Record['recipientCategory']; purpose: Record['purpose']; data_categories: string; legal_basis: Record['legalBasis']; at: number };

/** P4.2: to whom data may go (categories) and each disclosure recorded for this person. P4.1: no "sold" category exists. */
export class DisclosureRegister {
  constructor(private readonly db: Database) {}

  for(userId: string): Disclosures {
    const rows = this.db.prepare('SELECT * FROM privacy_disclosures WHERE user_id = ? ORDER BY at DESC').all(userId) as DisclosureRow[];
    return {
      recipientCategories: [...RECIPIENT_CATEGORIES],
      records: rows.map((row) => ({
        id: row.id,
        recipient: row.recipient,
        recipientCategory: row.recipient_category,
        purpose: row.purpose,
        dataCategories: JSON.parse(row.data_categories) as Record['dataCategories'],
        legalBasis: row.legal_basis,
        at: new Date(row.at).toISOString(),
      })),
    };
  }

  record(userId: string, disclosure: Omit<Record, 'id' | 'at'>, at: number): void {
    this.db
      .prepare('INSERT INTO privacy_disclosures (id, user_id, recipient, recipient_category, purpose, data_categories, legal_basis, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), userId, disclosure.recipient, disclosure.recipientCategory, disclosure.purpose, JSON.stringify(disclosure.dataCategories), disclosure.legalBasis, at);
  }
}
