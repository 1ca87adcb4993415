import { expect } from 'vitest';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { RightsRequestSchema, type RightsRequest } from '../../../shared/api/privacy';
import { signInWithPassword } from '../helpers/oauth-flow';
import type { TestApi } from '../server/helpers';
import { plantSoftwareAndFeedback, plantTicket } from './plant-data';

export const [ALICE, BERND, CHEN] = DEMO_USERS;

export type Caller = {
  token: string;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers; bytes: Buffer }>;
  get(path: string): Promise<unknown>;
};

/** Signs a demo user in through the real OAuth flow and returns a small JSON client with their token. */
export async function signedIn(api: TestApi, user: { email: string; password: string }): Promise<Caller> {
  const { access_token: token } = await signInWithPassword(api.url, user.email, user.password);
  return callerWith(api, token);
}

export function callerWith(api: TestApi, token: string | undefined): Caller {
  const request: Caller['request'] = async (method, path, body) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, bytes, body: type.includes('json') && bytes.length ? JSON.parse(bytes.toString()) : undefined };
  };
  return {
    token: token ?? '',
    request,
    async get(path) {
      const response = await request('GET', path);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
  };
}

/** Polls an export until it leaves "pending". */
export async function waitForExport(caller: Caller, id: string): Promise<{ status: string; sha256: string | null; size: number | null }> {
  for (;;) {
    const job = (await caller.get(`/privacy/exports/${id}`)) as { status: string; sha256: string | null; size: number | null };
    if (job.status !== 'pending') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Files a rights request, which the service must accept (201), and returns it as parsed. */
export async function fileRequest(caller: Caller, input: object): Promise<RightsRequest> {
  const response = await caller.request('POST', '/privacy/requests', input);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return RightsRequestSchema.parse(response.body);
}

export const confirmRequest = (caller: Caller, id: string) => caller.request('POST', `/privacy/requests/${id}/confirm`);

/**
 * Gives `caller` (ALICE) records in every category that can hold codes: a service request, software and
 * feedback, a consent receipt, an objection (a purpose, refused: a refusal code) and a policy acknowledgement.
 */
export async function plantEveryCategory(api: TestApi, caller: Caller): Promise<void> {
  plantTicket(api.app.db, ALICE!, 1);
  plantSoftwareAndFeedback(api.app.db, ALICE!);
  expect((await caller.request('PUT', '/privacy/consents', { kind: 'analytics', granted: true })).status).toBe(200);
  await fileRequest(caller, { kind: 'object', purpose: 'legal-compliance' });
  const policy = (await caller.get('/privacy/policy')) as { current: { version: string } };
  expect((await caller.request('POST', '/privacy/policy/acknowledgements', { version: policy.current.version })).status).toBe(200);
}
