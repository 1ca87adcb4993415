import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type {
  AccessApplication, AccessApplicationInput, CatalogueQuery, HelpRequest, Licence, Manifest, Product, SoftwareFile,
} from '../../shared/api/software';
import { APPLICATION_DECISION_DELAY_MS, demoDecision } from './application-rule';
import type { Locale } from '../../shared/locale';

export interface FileRow {
  id: string;
  release_id: string;
  product_id: string;
  name: string;
  size: number;
  sha256: string;
  access_level: 'public' | 'registered' | 'restricted';
  storage_name: string;
  demo_seed: string | null;
}

type Row = Record<string, unknown>;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Every software query, always scoped to the caller: user ids come from the token, never the request. */
export class SoftwareRepository {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  file(fileId: string): FileRow | undefined {
    return this.db
      .prepare('SELECT f.*, r.product_id FROM software_files f JOIN software_releases r ON r.id = f.release_id WHERE f.id = ?')
      .get(fileId) as FileRow | undefined;
  }

  productExists(productId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM software_products WHERE id = ?').get(productId));
  }

  /** 'granted' | 'sign_in' | 'apply' | 'pending' | 'rejected' for one file and caller. */
  access(file: Pick<FileRow, 'access_level' | 'product_id'>, userId: string | undefined): SoftwareFile['access'] {
    if (file.access_level === 'public') return 'granted';
    if (!userId) return 'sign_in';
    if (file.access_level === 'registered') return 'granted';
    const latest = this.latestApplication(userId, file.product_id);
    if (!latest) return 'apply';
    return latest.status === 'approved' ? 'granted' : latest.status;
  }

  licenceAccepted(userId: string, productId: string): string | null {
    const row = this.db
      .prepare(
        `SELECT a.accepted_at FROM software_licence_acceptances a JOIN software_products p ON p.id = a.product_id AND p.licence_version = a.licence_version
         WHERE a.user_id = ? AND a.product_id = ?`,
      )
      .get(userId, productId) as { accepted_at: number } | undefined;
    return row ? iso(row.accepted_at) : null;
  }

  /** Products in `locale` where a translation exists (software_product_texts), else in English. */
  catalogue(userId: string | undefined, query: CatalogueQuery, locale: Locale = 'en'): Product[] {
    this.decideDue();
    const products = this.db
      .prepare(
        `SELECT p.id, p.name, coalesce(t.summary, p.summary) AS summary FROM software_products p
         LEFT JOIN software_product_texts t ON t.product_id = p.id AND t.locale = ? ORDER BY p.name`,
      )
      .all(locale) as Row[];
    const releases = this.db.prepare('SELECT * FROM software_releases ORDER BY release_date DESC').all() as Row[];
    const files = this.db.prepare('SELECT f.*, r.product_id FROM software_files f JOIN software_releases r ON r.id = f.release_id ORDER BY f.name').all() as FileRow[];
    const q = query.q?.toLowerCase() ?? '';
    const matches = (...texts: unknown[]) => q === '' || texts.some((t) => String(t).toLowerCase().includes(q));
    return products
      .filter((p) => !query.productId || p.id === query.productId)
      .map((p) => ({
        id: String(p.id),
        name: String(p.name),
        summary: String(p.summary),
        licenceAcceptedAt: userId ? this.licenceAccepted(userId, String(p.id)) : null,
        releases: releases
          .filter((r) => r.product_id === p.id && (!query.version || r.version === query.version))
          .map((r) => ({
            id: String(r.id),
            version: String(r.version),
            releaseDate: String(r.release_date),
            notes: String(r.notes),
            files: files
              .filter((f) => f.release_id === r.id && matches(p.name, p.summary, r.version, r.notes, f.name))
              .map((f) => ({
                id: f.id, name: f.name, size: f.size, sha256: f.sha256, accessLevel: f.access_level,
                access: this.access(f, userId), downloadPath: `/software/files/${encodeURIComponent(f.id)}/download`,
              })),
          }))
          .filter((r) => r.files.length > 0),
      }))
      .filter((p) => p.releases.length > 0);
  }

  manifest(releaseId: string): Manifest | undefined {
    const release = this.db.prepare('SELECT * FROM software_releases WHERE id = ?').get(releaseId) as Row | undefined;
    if (!release) return undefined;
    const files = this.db.prepare('SELECT name, size, sha256 FROM software_files WHERE release_id = ? ORDER BY name').all(releaseId) as Manifest['files'];
    return { productId: String(release.product_id), releaseId, version: String(release.version), files };
  }

  licence(userId: string, productId: string, locale: Locale = 'en'): Licence | undefined {
    const p = this.db
      .prepare(
        `SELECT p.licence_version, coalesce(t.licence_text, p.licence_text) AS licence_text FROM software_products p
         LEFT JOIN software_product_texts t ON t.product_id = p.id AND t.locale = ? WHERE p.id = ?`,
      )
      .get(locale, productId) as Row | undefined;
    if (!p) return undefined;
    return { productId, version: String(p.licence_version), text: String(p.licence_text), acceptedAt: this.licenceAccepted(userId, productId) };
  }

  acceptLicence(userId: string, productId: string, version: string): void {
    this.db
      .prepare('INSERT INTO software_licence_acceptances (user_id, product_id, licence_version, accepted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(userId, productId, version, this.now());
  }

  private latestApplication(userId: string, productId: string): { status: 'pending' | 'approved' | 'rejected' } | undefined {
    this.decideDue();
    return this.db
      .prepare('SELECT status FROM software_applications WHERE user_id = ? AND product_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(userId, productId) as { status: 'pending' | 'approved' | 'rejected' } | undefined;
  }

  /** Applies the demo reviewer's rule to applications whose decision time has come. */
  private decideDue(): void {
    const due = this.db.prepare("SELECT id, reason FROM software_applications WHERE status = 'pending' AND decide_at <= ?").all(this.now()) as { id: string; reason: string }[];
    for (const application of due) {
      const decision = demoDecision(application.reason);
      this.decide(application.id, decision.status, decision.status === 'rejected' ? decision.reason : null, true);
    }
  }

  createApplication(userId: string, input: AccessApplicationInput): AccessApplication {
    const id = randomUUID();
    const at = this.now();
    this.db
      .prepare("INSERT INTO software_applications (id, user_id, product_id, reason, phone, status, created_at, decide_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)")
      .run(id, userId, input.productId, input.reason, input.phone, at, at + APPLICATION_DECISION_DELAY_MS);
    return this.application(userId, id)!;
  }

  hasOpenOrApproved(userId: string, productId: string): boolean {
    const latest = this.latestApplication(userId, productId);
    return latest !== undefined && latest.status !== 'rejected';
  }

  applications(userId: string): AccessApplication[] {
    this.decideDue();
    const rows = this.db
      .prepare('SELECT a.*, p.name AS product_name FROM software_applications a JOIN software_products p ON p.id = a.product_id WHERE a.user_id = ? ORDER BY a.created_at DESC, a.rowid DESC')
      .all(userId) as Row[];
    return rows.map(toApplication);
  }

  application(userId: string, id: string): AccessApplication | undefined {
    this.decideDue();
    const row = this.db
      .prepare('SELECT a.*, p.name AS product_name FROM software_applications a JOIN software_products p ON p.id = a.product_id WHERE a.id = ? AND a.user_id = ?')
      .get(id, userId) as Row | undefined;
    return row ? toApplication(row) : undefined;
  }

  /** Records a decision; `onlyIfPending` keeps the demo rule from overriding an admin's decision. */
  decide(id: string, status: 'approved' | 'rejected', reason: string | null, onlyIfPending = false): boolean {
    const result = this.db
      .prepare(`UPDATE software_applications SET status = ?, decision_reason = ?, decided_at = ? WHERE id = ?${onlyIfPending ? " AND status = 'pending'" : ''}`)
      .run(status, reason, this.now(), id);
    return result.changes > 0;
  }

  createHelpRequest(userId: string, input: Omit<HelpRequest, 'id' | 'status' | 'createdAt'>): HelpRequest {
    const id = randomUUID();
    this.db
      .prepare("INSERT INTO software_help_requests (id, user_id, product_id, file_id, problem, message, email, phone, address, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)")
      .run(id, userId, input.productId, input.fileId, input.problem, input.message, input.email, input.phone, input.address, this.now());
    return this.helpRequests(userId).find((r) => r.id === id)!;
  }

  helpRequests(userId: string): HelpRequest[] {
    const rows = this.db.prepare('SELECT * FROM software_help_requests WHERE user_id = ? ORDER BY created_at DESC, rowid DESC').all(userId) as Row[];
    return rows.map((r) => ({
      id: String(r.id), productId: String(r.product_id), fileId: (r.file_id as string | null) ?? null, problem: r.problem as HelpRequest['problem'],
      message: String(r.message), email: String(r.email), phone: String(r.phone), address: String(r.address), status: r.status as HelpRequest['status'],
      createdAt: iso(r.created_at as number)!,
    }));
  }
}

function toApplication(r: Row): AccessApplication {
  return {
    id: String(r.id), productId: String(r.product_id), productName: String(r.product_name), reason: String(r.reason), phone: String(r.phone),
    status: r.status as AccessApplication['status'], decisionReason: (r.decision_reason as string | null) ?? null,
    createdAt: iso(r.created_at as number)!, decidedAt: iso((r.decided_at as number | null) ?? null),
  };
}
