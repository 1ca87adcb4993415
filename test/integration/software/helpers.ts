import { DEMO_USERS } from '../../../server/db/seed-demo';
import { signInWithPassword } from '../helpers/oauth-flow';

export const [ALICE, BERND, CHEN] = DEMO_USERS;

/** An access token for a demo user (real OAuth code + PKCE flow against the live server). */
export async function tokenFor(apiUrl: string, user: { email: string; password: string }): Promise<string> {
  return (await signInWithPassword(apiUrl, user.email, user.password)).access_token;
}

export function call(apiUrl: string, path: string, token?: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(new URL(path, apiUrl), { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
}

export async function acceptLicence(apiUrl: string, token: string, productId: string): Promise<void> {
  const licence = (await (await call(apiUrl, `/software/products/${productId}/licence`, token)).json()) as { version: string };
  const response = await call(apiUrl, `/software/products/${productId}/licence/acceptance`, token, { method: 'POST', body: { version: licence.version } });
  if (response.status !== 200) throw new Error(`licence acceptance answered ${response.status}`);
}

export const ADMIN_KEY = 'test-admin-key-0123456789';
