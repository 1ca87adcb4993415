import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NewExportSchema, type ConsentChange, type Consents, type NewExport, type NewRightsRequest } from '../../../shared/api/privacy';
import type { ConfirmedRequest, DeviceData, DownloadedExport, ExportView, LocalErasure } from '../../../shared/contract/privacy-contract';
import { AppError, validationError } from '../../../shared/errors';
import type { DownloadManager } from '../downloads';
import type { LocalDatabase } from '../local-db/local-database';
import type { SessionService } from '../session/session-service';
import type { SettingsService } from '../settings/settings-service';
import type { TelemetryService } from '../telemetry/telemetry-service';
import { describeDeviceData } from './device-data';
import { eraseAccountLocally } from './erase-local-account';
import { ExportDownloads } from './export-download';
import { localDatabaseParts, type LocalPart } from './local-data-archive';
import type { PrivacyApi } from './privacy-api';
import type { DatabaseKeyProtection } from '../local-db/database-key';
import { logFailure } from '../logging/log';

export interface PrivacyServiceDeps {
  api: PrivacyApi;
  session: SessionService;
  downloads: DownloadManager;
  localDb: LocalDatabase;
  dataDir: string;
  settings: SettingsService;
  telemetry: TelemetryService;
  /** How the local database's key is kept (P6.1), shown on This computer. */
  databaseKey: DatabaseKeyProtection;
}

/** The privacy center in main: the service's answers, plus what only this computer knows (P3.2). */
export class PrivacyService {
  private readonly exportDownloads: ExportDownloads;

  constructor(private readonly deps: PrivacyServiceDeps) {
    this.exportDownloads = new ExportDownloads(deps.downloads, () => this.localParts());
    // Analytics consent is per person: learn it at sign-in, forget it at sign-out.
    deps.session.onDidChange.on((state) => {
      if (state.status === 'signed-in') void this.consents().catch(logFailure('privacy: reading the consents after sign-in failed'));
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
  exports = async (): Promise<ExportView[]> => (await this.deps.api.exports()).map((job) => this.exportDownloads.view(job));

  async consents(): Promise<Consents> {
    return this.learn(await this.deps.api.consents());
  }

  /** Takes effect at once (P5.5): telemetry stops in this same call when analytics is withdrawn. */
  async setConsent(change: ConsentChange): Promise<Consents> {
    if (change.kind === 'analytics' && !change.granted) this.deps.telemetry.setConsent(false);
    return this.learn(await this.deps.api.setConsent(change));
  }

  /** P5.1: exports the chosen categories (every one when none is named); an empty choice is refused. */
  async createExport(input: NewExport = {}) {
    const parsed = NewExportSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, parsed.error.issues[0]?.message);
    const job = await this.deps.api.createExport(parsed.data);
    this.deps.telemetry.record('export.requested');
    return job;
  }

  /**
   * P5.6: confirms a request by signing in again in the browser. The bridge call waits for that
   * sign-in; the server accepts only a session that began after the request was received.
   */
  async confirmRequest(id: string): Promise<ConfirmedRequest> {
    await this.deps.session.signIn();
    const state = await this.deps.session.settled();
    if (state.status !== 'signed-in') throw new AppError('cancelled', 'The request was not confirmed because the sign-in did not finish.');
    const request = await this.deps.api.confirmRequest(id);
    if (request.kind !== 'erase' || request.status !== 'completed') return request;
    return { ...request, localErasure: await this.eraseHere(state.user.id) };
  }

  /**
   * P5.4 includes this computer's copy: once the service has erased the account, the session ends
   * here (its tokens are already revoked) and the account's local rows and files go with it.
   */
  private async eraseHere(userId: string): Promise<LocalErasure> {
    // Session first, so no outbox or draft writer runs for this account while its rows are deleted.
    await this.deps.session.endSession('Your account and its data were deleted.');
    try {
      return await eraseAccountLocally(this.deps.localDb, this.deps.dataDir, userId);
    } catch (error) {
      // The erasure on the service stands; the person is told what could not be removed here.
      const message = error instanceof Error ? error.message : String(error);
      return { removed: [], filesLeft: [], error: `The data on this computer could not be removed (${message}). Use "Clear local data" to remove it.` };
    }
  }

  async deviceData(): Promise<DeviceData> {
    return describeDeviceData(this.deps.dataDir, this.deps.localDb, this.tokenStored(), this.deps.databaseKey);
  }

  /** P5.1: downloaded (or continued) and checked, then this computer's data added: see ExportDownloads. */
  async downloadExport(id: string): Promise<DownloadedExport> {
    return this.exportDownloads.download(await this.deps.api.exportJob(id));
  }

  private async localParts(): Promise<LocalPart[]> {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));
    return [
      { path: 'local-data/settings.json', content: json(this.deps.settings.get()) },
      // Sizes and what exists; the token itself is a secret and never leaves its encrypted file.
      { path: 'local-data/device-data.json', content: json(await this.deviceData()) },
      ...localDatabaseParts(this.deps.localDb),
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
