import type { Database } from 'better-sqlite3';
import type { Recommendations } from '../../shared/api/privacy';
import type { AccountState } from './account-state';
import type { ConsentsStore } from './consents-store';

// A small catalogue: the reference service's stand-in for a real recommender.
const BY_INDUSTRY: Record<string, { id: string; title: string }[]> = {
  telecommunications: [
    { id: 'doc-bgp-hardening', title: 'Hardening BGP sessions on edge routers' },
    { id: 'sw-nms-7', title: 'Network Management Suite 7' },
  ],
  'cloud services': [
    { id: 'doc-storage-tiering', title: 'Storage tiering for object stores' },
    { id: 'sw-backup-agent', title: 'Backup Agent for cloud hosts' },
  ],
};
const GENERAL = [{ id: 'doc-release-notes', title: 'What is new this quarter' }];

/** P2.4: computed from account data only with consent, and never for a restricted account (P5.3). */
export class RecommendationService {
  constructor(
    private readonly db: Database,
    private readonly consents: ConsentsStore,
    private readonly state: AccountState,
  ) {}

  for(userId: string): Recommendations {
    if (this.state.isRestricted(userId)) return { status: 'restricted', items: [] };
    if (!this.consents.values(userId).recommendations) return { status: 'no-consent', items: [] };
    // Only now is the account data read for this purpose.
    const user = this.db.prepare('SELECT industry, job FROM users WHERE id = ?').get(userId) as { industry: string; job: string } | undefined;
    const industry = BY_INDUSTRY[(user?.industry ?? '').toLowerCase()] ?? [];
    const items = [
      ...industry.map((item) => ({ ...item, basedOn: 'industry' as const })),
      ...(user?.job ? GENERAL.map((item) => ({ ...item, basedOn: 'job' as const })) : []),
    ];
    return { status: 'on', items };
  }
}
