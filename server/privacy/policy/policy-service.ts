import type { Database } from 'better-sqlite3';
import type { Policy } from '../../../shared/api/privacy';
import { AppError } from '../../../shared/errors';
import { currentPolicy, POLICY_VERSIONS, PRIVACY_CONTACT } from './policy-documents';

const iso = (ms: number) => new Date(ms).toISOString();

/** P9.1 the latest policy and whether this person acknowledged it; P5.7 and P9.2 the contact address. */
export class PolicyService {
  constructor(private readonly db: Database, private readonly now: () => number) {}

  for(userId: string): Policy {
    const doc = currentPolicy(this.now());
    const ack = this.db.prepare('SELECT version, at FROM privacy_policy_acks WHERE user_id = ? ORDER BY at DESC, rowid DESC LIMIT 1').get(userId) as
      | { version: string; at: number }
      | undefined;
    return {
      current: { version: doc.version, effectiveAt: iso(doc.effectiveAt), summary: doc.summary, text: doc.text },
      history: POLICY_VERSIONS.filter((v) => v.effectiveAt <= this.now()).map((v) => ({ version: v.version, effectiveAt: iso(v.effectiveAt), summary: v.summary })).reverse(),
      acknowledgedVersion: ack?.version ?? null,
      acknowledgedAt: ack ? iso(ack.at) : null,
      contact: { ...PRIVACY_CONTACT },
    };
  }

  /** Only the version in force can be acknowledged: a stale client must not acknowledge text it never showed. */
  acknowledge(userId: string, version: string): Policy {
    if (version !== currentPolicy(this.now()).version) throw new AppError('conflict', 'The policy changed again; read the latest version first.');
    this.db.prepare('INSERT INTO privacy_policy_acks (user_id, version, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(userId, version, this.now());
    return this.for(userId);
  }
}
