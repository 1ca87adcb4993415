import { z } from 'zod';
import {
  AccessApplicationSchema, CatalogueSchema, HelpRequestSchema, LicenceSchema,
  type AccessApplication, type AccessApplicationInput, type Catalogue, type CatalogueQuery, type HelpRequest, type HelpRequestInput, type Licence,
} from '../../../shared/api/software';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../api/api-client';
import type { DownloadView } from '../../../shared/contract/software-contract';
import type { DownloadJob, DownloadManager } from '../downloads';
import { Emitter } from '../emitter';
import { DEMO_VENDOR_PUBLIC_KEY, softwareVerifier } from './manifest-verifier';
import { logFailure } from '../logging/log';

export interface SoftwareServiceOptions {
  /** The signed-in user's API client. */
  api: ApiClient;
  downloads: DownloadManager;
  /** The vendor's Ed25519 public key (raw 32 bytes, base64) that manifests must be signed with. */
  vendorPublicKey?: string;
  showItemInFolder: (path: string) => Promise<void> | void;
  /** The folder downloads go to now, and whether it is the system default. */
  downloadFolder: () => { folder: string; isDefault: boolean };
  /** How often pending applications are checked, so the user is told the result (P2.2). */
  pollMs?: number;
}

export const SOFTWARE_KIND = 'software';

/** The software catalogue, licences, access applications and help requests, and software downloads through the shared engine. */
export class SoftwareService {
  /** A pending application was approved or rejected (P2.2: the user is told the result). */
  readonly onApplicationDecided = new Emitter<AccessApplication>();
  private readonly api: ApiClient;
  private readonly downloads: DownloadManager;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watching = false;

  constructor(private readonly options: SoftwareServiceOptions) {
    this.api = options.api;
    this.downloads = options.downloads;
    const key = options.vendorPublicKey ?? DEMO_VENDOR_PUBLIC_KEY;
    this.downloads.registerVerifier(SOFTWARE_KIND, softwareVerifier(options.api, () => key));
  }

  catalogue(query: CatalogueQuery = {}): Promise<Catalogue> {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const search = params.size > 0 ? `?${params}` : '';
    return this.api.request({ method: 'GET', path: `/software/catalogue${search}`, schema: CatalogueSchema });
  }

  licence(productId: string): Promise<Licence> {
    return this.api.request({ method: 'GET', path: `/software/products/${encodeURIComponent(productId)}/licence`, schema: LicenceSchema });
  }

  acceptLicence(productId: string, version: string): Promise<Licence> {
    return this.api.request({ method: 'POST', path: `/software/products/${encodeURIComponent(productId)}/licence/acceptance`, schema: LicenceSchema, body: { version } });
  }

  async applications(): Promise<AccessApplication[]> {
    const { applications } = await this.api.request({ method: 'GET', path: '/software/applications', schema: z.object({ applications: z.array(AccessApplicationSchema) }) });
    for (const application of applications) {
      if (application.status === 'pending') this.pending.add(application.id);
      else if (this.pending.delete(application.id)) this.onApplicationDecided.fire(application);
    }
    this.schedulePoll();
    return applications;
  }

  async apply(input: AccessApplicationInput): Promise<AccessApplication> {
    const application = await this.api.request({ method: 'POST', path: '/software/applications', schema: AccessApplicationSchema, body: input });
    this.pending.add(application.id);
    this.schedulePoll();
    return application;
  }

  requestHelp(input: HelpRequestInput): Promise<HelpRequest> {
    return this.api.request({ method: 'POST', path: '/software/help-requests', schema: HelpRequestSchema, body: input });
  }

  /** Queues a file for download after checking, on the server's current catalogue, that the user may have it. */
  async download(productId: string, fileId: string): Promise<DownloadJob> {
    const { products } = await this.catalogue({ productId });
    const product = products.find((p) => p.id === productId);
    const release = product?.releases.find((r) => r.files.some((f) => f.id === fileId));
    const file = release?.files.find((f) => f.id === fileId);
    if (!product || !release || !file) throw new AppError('not_found', 'This file is not in the catalogue any more.');
    if (file.access !== 'granted') throw new AppError('forbidden', 'You do not have access to this file yet.');
    if (file.accessLevel !== 'public' && !product.licenceAcceptedAt) throw new AppError('conflict', 'Accept the licence agreement for this product first.');
    return this.downloads.enqueue({
      kind: SOFTWARE_KIND, url: file.downloadPath, fileName: file.name, expectedSize: file.size, expectedSha256: file.sha256,
      meta: { productId, productName: product.name, releaseId: release.id, version: release.version, fileId, serverName: file.name },
    });
  }

  /** Software downloads, newest first (the persisted history included). */
  downloadViews(): DownloadView[] {
    return this.downloads.list().filter((job) => job.kind === SOFTWARE_KIND).map(toDownloadView);
  }

  view(downloadId: string): DownloadView {
    return toDownloadView(this.softwareJob(downloadId));
  }

  async showInFolder(downloadId: string): Promise<void> {
    const job = this.softwareJob(downloadId);
    if (!job.finalPath) throw new AppError('not_found', 'This download has no file to show: it has not passed verification.');
    await this.options.showItemInFolder(job.finalPath);
  }

  downloadFolder(): { folder: string; isDefault: boolean } {
    return this.options.downloadFolder();
  }

  isSoftwareDownload(downloadId: string): boolean {
    try {
      return this.downloads.get(downloadId).kind === SOFTWARE_KIND;
    } catch {
      return false;
    }
  }

  /** A job of this domain only: the bridge's software methods never touch doc-library or export downloads. */
  softwareJob(downloadId: string): DownloadJob {
    const job = this.downloads.get(downloadId);
    if (job.kind !== SOFTWARE_KIND) throw new AppError('not_found', 'This download is not in the list any more.');
    return job;
  }

  /**
   * At sign-in, learns which applications are pending, so their result is announced even when the
   * Software screen is not open (P2.2); at sign-out, forgets them and stops asking.
   */
  async followSession(signedIn: boolean): Promise<void> {
    if (signedIn && !this.watching) {
      this.watching = true;
      await this.applications().catch(logFailure('software: reading the applications after sign-in failed'));
    } else if (!signedIn) {
      this.watching = false;
      this.pending.clear();
      this.stop();
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedulePoll(): void {
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed check is retried at the next tick; the error is shown when the user opens the list.
      this.applications().catch(() => this.schedulePoll());
    }, this.options.pollMs ?? 5_000);
    this.timer.unref?.();
  }
}

export function toDownloadView(job: DownloadJob): DownloadView {
  const meta = (key: string) => (typeof job.meta[key] === 'string' ? (job.meta[key] as string) : '');
  return {
    id: job.id, fileName: job.fileName, productName: meta('productName'), version: meta('version'), productId: meta('productId'), fileId: meta('fileId'),
    state: job.state, receivedBytes: job.receivedBytes, totalBytes: job.expectedSize, message: job.message, reason: job.reason, errorCode: job.errorCode, sha256: job.sha256,
    finalPath: job.finalPath, createdAt: job.createdAt, finishedAt: job.finishedAt,
  };
}
