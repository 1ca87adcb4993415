import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionState } from '../../../shared/contract';
import type { DraftValues } from '../../../shared/contract/tickets-contract';
import { ApiClient } from '../../../main/services/api/api-client';
import { Emitter } from '../../../main/services/emitter';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import { ProfileService } from '../../../main/services/profile/profile-service';
import { TicketService, type TicketServiceDeps } from '../../../main/services/tickets/ticket-service';
import { signInWithPassword } from '../helpers/oauth-flow';

export type Network = { up: boolean };

/**
 * The app's ticket service as main/compose.ts wires it, against a live server, with a real SQLite
 * file and a network switch: `net.up = false` makes every request fail as an unplugged cable does.
 */
export async function desktopTickets(
  apiUrl: string,
  user: { id: string; email: string; password: string; name: string },
  options: { dataDir?: string; net?: Network; outbox?: TicketServiceDeps['outbox']; token?: string; searchDocs?: TicketServiceDeps['searchDocs']; saveFileAs?: TicketServiceDeps['saveFileAs'] } = {},
) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'esd-tickets-'));
  const net = options.net ?? { up: true };
  const token = options.token ?? (await signInWithPassword(apiUrl, user.email, user.password)).access_token;
  const netFetch: typeof fetch = (input, init) => (net.up ? fetch(input, init) : Promise.reject(new TypeError('fetch failed: network is unreachable')));
  const api = new ApiClient({ baseUrl: apiUrl, fetch: netFetch, getAccessToken: async () => token, retries: 0 });
  const session = { get: (): SessionState => ({ status: 'signed-in', user: { id: user.id, name: user.name, email: user.email }, tokenStorage: 'memory' }), onDidChange: new Emitter<SessionState>() };
  const localDb = openLocalDatabase(join(dataDir, 'local.sqlite'));
  const service = new TicketService({
    api, localDb, dataDir, session,
    profile: new ProfileService(api, () => undefined),
    settings: { get: () => ({ language: 'en', proxy: { mode: 'manual', url: 'http://user:secret@proxy.example:8080' }, apiToken: 'x' }) },
    app: { version: '0.1.0', platform: 'test' },
    feedIntervalMs: 60_000,
    outbox: { baseDelayMs: 5, maxDelayMs: 50, ...options.outbox },
    ...(options.searchDocs ? { searchDocs: options.searchDocs } : {}),
    ...(options.saveFileAs ? { saveFileAs: options.saveFileAs } : {}),
  });
  return { service, localDb, dataDir, net, token, close: () => (service.dispose(), localDb.close()) };
}

export function filledDraft(title: string, overrides: Partial<DraftValues> = {}): DraftValues {
  return {
    title, description: 'The device stopped answering on its management port.', product: 'Edge Router', version: '9.2', deviceSerial: '',
    severity: 'medium', category: 'malfunction', origin: null, attachmentIds: [],
    contact: { name: 'Alice Becker', email: 'alice@northwind.example', phone: '', country: 'DE', contactAddress: '', company: 'Northwind Networks' },
    ...overrides,
  };
}

/** Writes a draft through the service as the form does, then queues it. */
export async function queueRequest(service: TicketService, title: string, overrides: Partial<DraftValues> = {}) {
  const draft = await service.newDraft();
  service.saveDraft(draft.id, filledDraft(title, overrides));
  return service.submitDraft(draft.id);
}
