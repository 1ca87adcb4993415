import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsentChange, Consents, NewRightsRequest, RightsRequest } from '../../../shared/api/privacy';
import type { DeviceData, DownloadedExport } from '../../../shared/contract/privacy-contract';
import { AppError } from '../../../shared/errors';
import { expectedHashVerifier, type DownloadManager } from '../downloads';
import type { LocalDatabase } from '../local-db/local-database';
import type { SessionService } from '../session/session-service';
import type { SettingsService } from '../settings/settings-service';
import type { TelemetryService } from '../telemetry/telemetry-service';
import { describeDeviceData } from './device-data';
import { appendLocalData, localDatabaseParts, type LocalPart } from './local-data-archive';
import type { PrivacyApi } from './privacy-api';

export const EXPORT_DOWNLOAD_KIND = 'privacy-export';

export interface PrivacyServiceDeps {
  api: PrivacyApi;
  session: SessionService;
  downloads: DownloadManager;
  localDb: LocalDatabase;
  dataDir: string;
  settings: SettingsService;
  telemetry: TelemetryService;
}

/** The privacy center in main: the service's answers, plus what only this computer knows (P3.2). */
export class PrivacyService {
  constructor(private readonly deps: PrivacyServiceDeps) {
    // The export is checked against the SHA-256 the service computed when it wrote the ZIP.
    deps.downloads.registerVerifier(EXPORT_DOWNLOAD_KIND, expectedHashVerifier);
    // Analytics consent is per person: learn it at sign-in, forget it at sign-out.
    deps.session.onDidChange.on((state) => {
      if (state.status === 'signed-in') void this.consents().catch(() => undefined);
      else deps.telemetry.setConsent(false);
    });
  }

  myData = () => this.deps.api.myData();
  recommendations = () => this.deps.api.recommendations();
  disclosures = () => this.deps.api.disclosures();
  policy = () => this.deps.api.policy();
  acknowledgePolicy = (version: string) => this.deps.api.acknowledgePolicy(version);
  contact = () => this.deps.api.contact();
  requests = () => this.deps.api.requests();
  createRequest = (input: NewRightsRequest) => this.deps.api.createRequest(input);
  exports = () => this.deps.api.exports();

  async consents(): Promise<Consents> {
    return this.learn(await this.deps.api.consents());
  }

  /** Takes effect at once (P5.5): telemetry stops in this same call when analytics is withdrawn. */
  async setConsent(change: ConsentChange): Promise<Consents> {
    if (change.kind === 'analytics' && !change.granted) this.deps.telemetry.setConsent(false);
    return this.learn(await this.deps.api.setConsent(change));
  }

  async createExport() {
    const job = await this.deps.api.createExport();
    this.deps.telemetry.record('export.requested');
    return job;
  }

  /**
   * P5.6: confirms a request by signing in again in the browser. The bridge call waits for that
   * sign-in; the server accepts only a session that began after the request was received.
   */
  async confirmRequest(id: string): Promise<RightsRequest> {
    await this.deps.session.signIn();
    const state = await this.deps.session.settled();
    if (state.status !== 'signed-in') throw new AppError('cancelled', 'The request was not confirmed because the sign-in did not finish.');
    return this.deps.api.confirmRequest(id);
  }

  async deviceData(): Promise<DeviceData> {
    return describeDeviceData(this.deps.dataDir, this.deps.localDb, this.tokenStored());
  }

  /**
   * P5.1: the export through the shared download manager (resumable, SHA-256 checked), then the data
   * kept on this computer added to the same archive under local-data/.
   */
  async downloadExport(id: string): Promise<DownloadedExport> {
    const job = await this.deps.api.exportJob(id);
    if (job.status !== 'ready' || job.size === null || !job.sha256) throw new AppError('conflict', 'This export is not ready yet.');
    const queued = await this.deps.downloads.enqueue({
      kind: EXPORT_DOWNLOAD_KIND,
      url: `/privacy/exports/${encodeURIComponent(id)}/download`,
      fileName: job.fileName,
      expectedSize: job.size,
      expectedSha256: job.sha256,
      meta: { exportId: id },
    });
    const done = await this.deps.downloads.whenSettled(queued.id);
    if (done.state !== 'passed' || !done.finalPath) {
      throw new AppError(done.errorCode ?? 'server', done.message ?? 'The export could not be downloaded.');
    }
    const entries = await appendLocalData(done.finalPath, await this.localParts());
    return { path: done.finalPath, sha256: done.sha256 ?? job.sha256, entries };
  }

  private async localParts(): Promise<LocalPart[]> {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));
    return [
      { path: 'local-data/settings.json', content: json(this.deps.settings.get()) },
      // Sizes and what exists; the token itself is a secret and never leaves its encrypted file.
      { path: 'local-data/device-data.json', content: json(await this.deviceData()) },
      ...localDatabaseParts(this.deps.localDb.name),
    ];
  }

  private tokenStored(): boolean {
    return existsSync(join(this.deps.dataDir, 'session.bin'));
  }

  private learn(consents: Consents): Consents {
    this.deps.telemetry.setConsent(consents.values.analytics);
    return consents;
  }
}
