import { createHash, randomBytes } from 'node:crypto';
import { DESKTOP_CLIENT_ID, TokenResponseSchema, type TokenResponse } from '../shared/api';

/**
 * The desktop app's side of OAuth 2.0 authorization code + PKCE, done with plain fetch against a real
 * server: open the sign-in page, submit its form as a browser would (its action, its hidden fields,
 * and `email` and `password`), catch the loopback redirect, and redeem the code. Used by the
 * conformance kit against any implementation, and by every test that needs a signed-in user.
 */

export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:53682/oauth/callback';

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(apiUrl: string, params: Record<string, string | undefined>): string {
  const url = new URL('/oauth/authorize', apiUrl);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** Standard authorize parameters for a fresh PKCE pair; override or drop (undefined) any of them. */
export function authorizeParams(challenge: string, overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    response_type: 'code',
    client_id: DESKTOP_CLIENT_ID,
    redirect_uri: DEFAULT_REDIRECT_URI,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'profile',
    ...overrides,
  };
}

const decode = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Reads the sign-in form the way a browser submits it: its action and hidden fields. */
export function readLoginForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"/.exec(html);
  if (!form?.[1]) throw new Error('The page has no sign-in form.');
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[match[1]!] = decode(match[2]!);
  return { action: new URL(decode(form[1]), pageUrl).toString(), fields };
}

export function postForm(url: string, fields: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual', ...init });
}

export type CodeResult = { response: Response; location?: URL; code?: string; state?: string };

/** GET the sign-in page, submit the form with these credentials, and read the redirect (if any). */
export async function requestCode(apiUrl: string, email: string, password: string, params: Record<string, string | undefined>): Promise<CodeResult> {
  const pageUrl = authorizeUrl(apiUrl, params);
  const page = await fetch(pageUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`The sign-in page answered ${page.status}.`);
  const form = readLoginForm(await page.text(), pageUrl);
  const response = await postForm(form.action, { ...form.fields, email, password });
  const header = response.headers.get('location');
  if (!header) return { response };
  const location = new URL(header);
  return { response, location, code: location.searchParams.get('code') ?? undefined, state: location.searchParams.get('state') ?? undefined };
}

export function exchangeCode(apiUrl: string, fields: { code: string; verifier: string; redirectUri?: string; clientId?: string }): Promise<Response> {
  return postForm(new URL('/oauth/token', apiUrl).toString(), {
    grant_type: 'authorization_code',
    code: fields.code,
    redirect_uri: fields.redirectUri ?? DEFAULT_REDIRECT_URI,
    client_id: fields.clientId ?? DESKTOP_CLIENT_ID,
    code_verifier: fields.verifier,
  });
}

export function refreshTokens(apiUrl: string, refreshToken: string): Promise<Response> {
  return postForm(new URL('/oauth/token', apiUrl).toString(), { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: DESKTOP_CLIENT_ID });
}

export function revokeToken(apiUrl: string, token: string, hint?: string): Promise<Response> {
  return postForm(new URL('/oauth/revoke', apiUrl).toString(), { token, ...(hint ? { token_type_hint: hint } : {}), client_id: DESKTOP_CLIENT_ID });
}

/** The whole sign-in: returns the tokens, or throws with what went wrong. */
export async function signInWithPassword(apiUrl: string, email: string, password: string, redirectUri = DEFAULT_REDIRECT_URI): Promise<TokenResponse> {
  const { verifier, challenge } = createPkce();
  const params = authorizeParams(challenge, { redirect_uri: redirectUri });
  const result = await requestCode(apiUrl, email, password, params);
  if (!result.code) throw new Error(`Sign-in failed with status ${result.response.status}${result.location ? ` (${result.location.search})` : ''}.`);
  if (result.state !== params.state) throw new Error('The redirect carried another state.');
  const response = await exchangeCode(apiUrl, { code: result.code, verifier, redirectUri });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`The token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return TokenResponseSchema.parse(body);
}
