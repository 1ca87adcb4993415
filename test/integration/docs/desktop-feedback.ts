import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionState } from '../../../shared/contract';
import { ApiClient } from '../../../main/services/api/api-client';
import { DocsService } from '../../../main/services/docs/docs-service';
import { DownloadManager } from '../../../main/services/downloads';
import { Emitter } from '../../../main/services/emitter';
import { openLocalDatabase } from '../../../main/services/local-db/local-database';
import { NetworkMonitor } from '../../../main/services/network/network-monitor';

export type Network = { up: boolean };

/**
 * The docs service with its feedback outbox as main/compose.ts wires it: a user API client and a
 * network monitor sharing one fetch with a network switch (`net.up = false` fails every request as
 * an unplugged cable does), a signed-in session, a real SQLite file, the live reference server.
 */
export function desktopFeedback(apiUrl: string, user: { id: string; name: string; email: string }, token: string, options: { dataDir?: string; net?: Network; baseDelayMs?: number } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'esd-feedback-'));
  const net = options.net ?? { up: true };
  const netFetch: typeof fetch = (input, init) => (net.up ? fetch(input, init) : Promise.reject(new TypeError('fetch failed: network is unreachable')));
  const onReachability = (reachable: boolean, problem?: string) => network.report(reachable, problem);
  const network = new NetworkMonitor(new ApiClient({ baseUrl: apiUrl, fetch: netFetch, onReachability, retries: 0 }));
  const api = new ApiClient({ baseUrl: apiUrl, fetch: netFetch, onReachability, getAccessToken: async () => token, retries: 0 });
  const session = { get: (): SessionState => ({ status: 'signed-in', user: { id: user.id, name: user.name, email: user.email }, tokenStorage: 'memory' }), onDidChange: new Emitter<SessionState>() };
  const db = openLocalDatabase(join(dataDir, 'local.sqlite'));
  const downloads = new DownloadManager({
    db, fetch: netFetch, baseUrl: apiUrl, getAccessToken: async () => token, downloadFolder: () => join(dataDir, 'downloads'), quarantineFolder: join(dataDir, 'quarantine'),
  });
  const log: string[] = [];
  const docs = new DocsService({
    db, dataDir, api, downloads, fetch: netFetch, isOnline: () => network.get().online, storageLimitBytes: () => 5e9,
    session, network, feedbackOutbox: { baseDelayMs: options.baseDelayMs ?? 5, maxDelayMs: Math.max(50, options.baseDelayMs ?? 0), log: (line) => log.push(line) },
  });
  const queue = () =>
    db.prepare('SELECT idempotency_key AS key, payload_json, attempts, last_error AS lastError FROM docs_feedback_outbox ORDER BY seq').all() as {
      key: string; payload_json: string; attempts: number; lastError: string | null;
    }[];
  return { docs, db, dataDir, net, network, log, queue, close: () => (docs.dispose(), db.close()) };
}
