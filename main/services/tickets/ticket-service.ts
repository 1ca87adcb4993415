import { join } from 'node:path';
import type { Profile } from '../../../shared/api/profile';
import { contactFromProfile, MAX_ATTACHMENT_BYTES, TicketCreateSchema, type TicketListQuery, type TicketSummary } from '../../../shared/api/tickets';
import type { NetworkStatus, SessionState } from '../../../shared/contract';
import { MAX_INLINE_ATTACHMENT_BYTES, type DraftValues, type OutboxItem, type StagedAttachment, type TopicSuggestion } from '../../../shared/contract/tickets-contract';
import type { EventPayload } from '../../../shared/contract';
import { AppError, validationError } from '../../../shared/errors';
import { safeAttachmentName } from '../../../shared/attachment-name';
import type { ApiClient } from '../api/api-client';
import { Emitter } from '../emitter';
import type { LocalDatabase } from '../local-db/local-database';
import { AttachmentStaging, saveVerified } from './attachment-staging';
import { ChangeFeedFollower } from './change-feed-follower';
import { diagnosticsBundle, RecentLog } from './diagnostics';
import { emptyDraft, TicketDrafts } from './ticket-drafts';
import { filterKnownTickets, isUnfiltered } from './known-tickets';
import { TicketOutbox, type CreatePayload, type OutboxOptions, type ReplyPayload } from './ticket-outbox';
import { TicketsRemote } from './tickets-remote';
import { STAGED_FOLDER, TicketsStore } from './tickets-store';
import { logFailure } from '../logging/log';

export interface TicketServiceDeps {
  api: ApiClient;
  localDb: LocalDatabase;
  dataDir: string;
  session: { get(): SessionState; onDidChange: Emitter<SessionState> };
  profile: { get(): Promise<Profile> };
  network?: { onDidChange: Emitter<NetworkStatus> };
  settings: { get(): unknown };
  app: { version: string; platform: string };
  /** The newest lines of the app's log file (issue 14), redacted when written; shown with the bundle before it is attached. */
  appLog?: () => string[];
  /** The platform's own file dialog (Electron); absent in the browser preview, which sends bytes instead. */
  pickFiles?: () => Promise<string[]>;
  /** The platform's save dialog: where the user wants an attachment saved (null: cancelled). */
  saveFileAs?: (suggestedName: string) => Promise<string | null>;
  /** The local documentation search (docs domain), for suggestions while the title is typed; absent: none. */
  searchDocs?: (query: string, limit: number) => Promise<TopicSuggestion[]>;
  now?: () => number;
  feedIntervalMs?: number;
  outbox?: Pick<OutboxOptions, 'baseDelayMs' | 'maxDelayMs' | 'random' | 'beforeAck' | 'onError'>;
}

/** Service requests on this computer: the remote list and detail, drafts, the outbox, the change feed. */
export class TicketService {
  readonly onDidChange = new Emitter<EventPayload<'tickets.onDidChange'>>();
  readonly onDidReceiveReply = new Emitter<EventPayload<'tickets.onDidReceiveReply'>>();
  readonly onUploadProgress = new Emitter<EventPayload<'tickets.onUploadProgress'>>();
  readonly remote: TicketsRemote;
  readonly store: TicketsStore;
  readonly outbox: TicketOutbox;
  readonly log: RecentLog;
  private readonly drafts: TicketDrafts;
  private readonly staging: AttachmentStaging;
  private readonly follower: ChangeFeedFollower;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: TicketServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.log = new RecentLog(100, this.now);
    this.store = new TicketsStore(deps.localDb);
    this.remote = new TicketsRemote(deps.api);
    this.drafts = new TicketDrafts(this.store, this.now);
    this.staging = new AttachmentStaging(this.store, join(deps.dataDir, STAGED_FOLDER), this.now);
    const currentUser = () => this.userIdOrNull();
    this.outbox = new TicketOutbox({
      store: this.store, remote: this.remote, staging: this.staging, currentUser, now: this.now, ...deps.outbox,
      onChange: () => this.onDidChange.fire({ reason: 'outbox', ticketIds: [] }),
      onProgress: (progress) => this.onUploadProgress.fire(progress),
      log: (line) => this.log.add(line),
    });
    this.follower = new ChangeFeedFollower({
      remote: this.remote, store: this.store, currentUser, intervalMs: deps.feedIntervalMs,
      onChanged: (ticketIds, statuses) => this.onDidChange.fire({ reason: 'remote', ticketIds, statuses }),
      onEngineerEvent: (e) => this.onDidReceiveReply.fire({ ticketId: e.ticketId, number: e.number, kind: e.kind === 'reply' ? 'reply' : 'status', status: e.status }),
    });
  }

  /** Sends what waits and follows the feed; again whenever the user signs in or the service answers again. */
  start(): void {
    const kick = () => {
      void this.outbox.flush({ ignoreBackoff: true });
      void this.follower.poll().catch(logFailure('tickets: reading the change feed failed'));
    };
    this.unsubscribe.push(this.deps.session.onDidChange.on((s) => s.status === 'signed-in' && kick()));
    if (this.deps.network) this.unsubscribe.push(this.deps.network.onDidChange.on((n) => n.online && kick()));
    this.follower.start();
    kick();
  }

  dispose(): void {
    this.unsubscribe.forEach((u) => u());
    this.outbox.stop();
    this.follower.stop();
  }

  /**
   * The user's requests as the service lists them, remembered on this computer; when the service
   * cannot be reached, the requests known here, filtered and sorted the same way, with the time they
   * were last listed (`offlineSince`).
   */
  async list(query: Omit<TicketListQuery, 'limit'> = {}) {
    const user = this.userId();
    let listed: { items: TicketSummary[]; total: number; offlineSince: string | null };
    try {
      const { items, total } = await this.remote.list(query);
      // Not once the user signed out meanwhile (an erased account's copy must not come back).
      if (this.userIdOrNull() === user) this.store.rememberKnown(user, items, this.now(), isUnfiltered(query) && items.length === total);
      listed = { items, total, offlineSince: null };
    } catch (error) {
      if (!(error instanceof AppError && UNREACHABLE.has(error.code))) throw error;
      const { summaries, listedAt } = this.store.known(user);
      const items = filterKnownTickets(summaries, query);
      listed = { items, total: items.length, offlineSince: new Date(listedAt ?? this.now()).toISOString() };
    }
    const unread = this.store.unread(user);
    return { ...listed, items: listed.items.map((t) => ({ ...t, unread: unread.has(t.id) })) };
  }

  async get(id: string) {
    const ticket = await this.remote.get(id);
    this.markRead(id);
    return ticket;
  }

  markRead(id: string): void {
    if (this.store.markRead(this.userId(), id)) this.onDidChange.fire({ reason: 'remote', ticketIds: [id] });
  }

  close(id: string) {
    return this.remote.close(id);
  }

  reopen(id: string) {
    return this.remote.reopen(id);
  }

  devices() {
    return this.remote.devices();
  }

  /**
   * A new request's form with the contact details from the profile (editable), or the last ones used
   * here while offline. It is stored as a draft only once something is saved into it.
   */
  async newDraft(fromTopic?: string) {
    const user = this.userId();
    const profile = await this.deps.profile.get().catch(() => null);
    // Offline, the contact details last used on this computer stand in for the profile.
    const contact = profile ? contactFromProfile(profile) : this.lastContact(user);
    return this.drafts.open(user, emptyDraft(contact, fromTopic));
  }

  getDraft(id: string) {
    return this.drafts.get(this.userId(), id);
  }

  saveDraft(id: string, values: DraftValues) {
    const user = this.userId();
    const first = !this.store.draft(user, id);
    const saved = this.drafts.save(user, id, values);
    if (first) this.changed('drafts'); // a new entry in the drafts list
    return saved;
  }

  async deleteDraft(id: string): Promise<void> {
    const user = this.userId();
    const draft = this.drafts.get(user, id);
    this.drafts.remove(user, id);
    await this.staging.discard(user, draft.values.attachmentIds);
    this.changed('drafts');
  }

  listDrafts() {
    return this.drafts.list(this.userId());
  }

  /** Checks the draft as the service would, then queues it: from here on it is sent exactly once. */
  submitDraft(id: string): OutboxItem {
    const user = this.userId();
    const draft = this.drafts.get(user, id);
    const { attachmentIds, ...rest } = draft.values;
    const parsed = TicketCreateSchema.safeParse({ ...rest });
    if (!parsed.success) throw validationError(parsed.error, 'Some fields need attention before the request can be sent.');
    const row = this.outbox.enqueue(user, 'create', { draftId: id, label: parsed.data.title, payload: { input: parsed.data, draft: { ...draft.values, attachmentIds } } }, () =>
      this.drafts.remove(user, id),
    );
    this.changed('drafts');
    void this.outbox.flush();
    return this.outbox.toItem(row);
  }

  /**
   * A reply and the files added to it, queued as one item: the text first, then the files, each
   * retried under its own key until all arrived. Files alone (no text) are one item too.
   */
  reply(ticketId: string, body: string, attachmentIds: string[] = []): OutboxItem {
    const user = this.userId();
    const staged = this.store.staged(user, attachmentIds);
    if (staged.length !== attachmentIds.length) throw new AppError('not_found', 'An attachment is no longer there. Add the file again.');
    if (!body.trim() && !attachmentIds.length) throw new AppError('validation', 'Write a reply or add a file first.', { body: 'Write a reply or add a file first.' });
    const row = body.trim()
      ? this.outbox.enqueue(user, 'reply', { ticketId, label: snippet(body), payload: { body, attachmentIds } satisfies ReplyPayload }, () => this.drafts.removeReplies(user, ticketId))
      : this.outbox.enqueue(user, 'attach', { ticketId, label: staged.map((s) => s.name).join(', '), payload: { attachmentIds } }, () => this.drafts.removeReplies(user, ticketId));
    void this.outbox.flush();
    return this.outbox.toItem(row);
  }

  replyDraft(ticketId: string) {
    return this.drafts.replyFor(this.userId(), ticketId);
  }

  outboxItems(): OutboxItem[] {
    return this.outbox.items(this.userId());
  }

  async sendNow(): Promise<OutboxItem[]> {
    await this.outbox.flush({ ignoreBackoff: true });
    return this.outboxItems();
  }

  capabilities() {
    return { nativePicker: Boolean(this.deps.pickFiles), nativeSave: Boolean(this.deps.saveFileAs), maxAttachmentBytes: MAX_ATTACHMENT_BYTES, maxInlineBytes: MAX_INLINE_ATTACHMENT_BYTES };
  }

  /** Files the user picked in the platform's dialog; the renderer never names a path. */
  async pickAttachments(): Promise<StagedAttachment[]> {
    const user = this.userId();
    if (!this.deps.pickFiles) throw new AppError('forbidden', 'Choosing files this way is not available here. Use the file field instead.');
    const paths = await this.deps.pickFiles();
    const staged: StagedAttachment[] = [];
    for (const path of paths) staged.push(await this.staging.fromPath(user, path));
    return staged;
  }

  stageBytes(name: string, dataBase64: string): Promise<StagedAttachment> {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_INLINE_ATTACHMENT_BYTES) throw new AppError('validation', 'This file is too large to add here.');
    return this.staging.fromBytes(this.userId(), name, bytes);
  }

  discardAttachment(id: string): Promise<void> {
    return this.staging.discard(this.userId(), [id]);
  }

  /** The diagnostics bundle, staged as a file: the text returned is exactly what would be attached. */
  async diagnostics(): Promise<{ attachment: StagedAttachment; text: string }> {
    const user = this.userId();
    const text = diagnosticsBundle({
      ...this.deps.app, settings: this.deps.settings.get(), log: this.log.lines(), appLog: this.deps.appLog?.() ?? [], outbox: { waiting: this.store.outbox(user).length }, now: this.now(),
    });
    return { attachment: await this.staging.fromBytes(user, 'diagnostics.json', Buffer.from(text, 'utf8')), text };
  }

  /** Saves an attachment where the user chose in the save dialog, checked against its SHA-256. */
  async saveAttachment(ticketId: string, attachmentId: string): Promise<{ saved: boolean; name: string }> {
    this.userId();
    if (!this.deps.saveFileAs) throw new AppError('forbidden', 'Saving files needs the desktop app.');
    const attachment = (await this.remote.get(ticketId)).attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw new AppError('not_found', 'This attachment no longer exists.');
    // The schema already made the name safe (AttachmentSchema); the dialog gets it again in case it came another way.
    const name = safeAttachmentName(attachment.name);
    const target = await this.deps.saveFileAs(name);
    if (!target) return { saved: false, name };
    await saveVerified(await this.remote.downloadAttachment(ticketId, attachmentId), target, attachment.sha256);
    return { saved: true, name };
  }

  /** Topics of the installed libraries matching the title, so the answer may be found before asking. */
  async suggestTopics(title: string): Promise<TopicSuggestion[]> {
    const query = title.trim();
    if (!this.deps.searchDocs || query.length < 3) return [];
    try {
      const hits = await this.deps.searchDocs(query, SUGGESTIONS * 3);
      // One suggestion per topic (the search also returns its sections), as plain text: the search
      // marks matches with control characters.
      const seen = new Set<string>();
      return hits
        .filter((hit) => !seen.has(`${hit.library}/${hit.topicId}`) && seen.add(`${hit.library}/${hit.topicId}`))
        .slice(0, SUGGESTIONS)
        // eslint-disable-next-line no-control-regex -- removing those markers is the point
        .map(({ library, libraryTitle, version, topicId, title, snippet }) => ({ library, libraryTitle, version, topicId, title, snippet: snippet.replace(/[\u0002\u0003]/g, '') }));
    } catch {
      return []; // a suggestion is a help, never a reason the form fails
    }
  }

  private lastContact(user: string): DraftValues['contact'] | undefined {
    const draft = this.store.drafts(user, 'ticket')[0];
    if (draft) return (JSON.parse(draft.values_json) as DraftValues).contact;
    const queued = this.store.outbox(user).findLast((row) => row.kind === 'create');
    return queued ? (JSON.parse(queued.payload_json) as CreatePayload).draft.contact : undefined;
  }

  private changed(reason: 'drafts' | 'outbox'): void {
    this.onDidChange.fire({ reason, ticketIds: [] });
  }

  private userIdOrNull(): string | null {
    const state = this.deps.session.get();
    return state.status === 'signed-in' ? state.user.id : null;
  }

  private userId(): string {
    const id = this.userIdOrNull();
    if (!id) throw new AppError('unauthorized', 'Please sign in first.');
    return id;
  }
}

const SUGGESTIONS = 5;
/** Failures after which the list falls back to the requests known on this computer. */
const UNREACHABLE = new Set(['offline', 'timeout']);
const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text).replace(/\s+/g, ' ');
