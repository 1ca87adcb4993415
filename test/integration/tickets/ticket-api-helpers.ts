import { randomUUID } from 'node:crypto';
import type { TicketCreate } from '../../../shared/api/tickets';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { signInWithPassword } from '../helpers/oauth-flow';

export const [ALICE, BERND, CHEN, LI] = DEMO_USERS;

/** A valid request body; override any field. */
export function ticketBody(overrides: Partial<TicketCreate> = {}): TicketCreate {
  return {
    title: 'Edge router drops BGP sessions',
    description: 'Since the last firmware update, BGP sessions drop every few hours.',
    product: 'Edge Router',
    version: '9.2.1',
    deviceSerial: 'NW-RT-20931',
    severity: 'high',
    category: 'malfunction',
    contact: { name: 'Alice Becker', email: 'alice@northwind.example', phone: '+49 30 901820', country: 'DE', contactAddress: 'Berlin', company: 'Northwind Networks' },
    origin: null,
    ...overrides,
  };
}

export type Caller = (method: string, path: string, init?: { body?: unknown; key?: string; headers?: Record<string, string> }) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are checked field by field

/** A signed-in user's raw HTTP access to the API (null token: anonymous). */
export function caller(apiUrl: string, token: string | null): Caller {
  return async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.key) headers['idempotency-key'] = init.key;
    const response = await fetch(`${apiUrl}${path}`, { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
}

export async function signedIn(apiUrl: string, user: { email: string; password: string }): Promise<Caller & { token: string }> {
  const tokens = await signInWithPassword(apiUrl, user.email, user.password);
  return Object.assign(caller(apiUrl, tokens.access_token), { token: tokens.access_token });
}

export const newKey = () => `test-${randomUUID()}`;

export async function uploadFile(apiUrl: string, token: string | null, ticketId: string, name: string, bytes: Uint8Array, key = newKey()) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const headers: Record<string, string> = { 'idempotency-key': key };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${apiUrl}/tickets/${ticketId}/attachments`, { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field
}
