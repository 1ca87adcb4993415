import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_USERS } from '../../../server/db/seed-demo';
import { DESKTOP_CLIENT_ID, TokenResponseSchema } from '../../../shared/api';
import {
  authorizeParams, authorizeUrl, createPkce, DEFAULT_REDIRECT_URI, exchangeCode, postForm, readLoginForm, requestCode, signInWithPassword,
} from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from './helpers';

describe('signing in with the authorization code + PKCE flow', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('shows an accessible sign-in form that carries the request in hidden fields', async () => {
    const { challenge } = createPkce();
    const params = authorizeParams(challenge, { state: 'a"<b>&c' });
    const response = await fetch(authorizeUrl(api.url, params));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<label for="email">');
    expect(html).toContain('<label for="password">');
    expect(html).not.toContain('a"<b>&c'); // escaped, not injected
    const form = readLoginForm(html, response.url);
    expect(form.fields).toMatchObject({ client_id: DESKTOP_CLIENT_ID, redirect_uri: DEFAULT_REDIRECT_URI, state: 'a"<b>&c', code_challenge: challenge });
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self' http://127.0.0.1:53682",
    );
  });

  it('gives the app tokens after the right e-mail and password', async () => {
    const tokens = await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    expect(TokenResponseSchema.parse(tokens)).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'profile' });
    const me = await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(((await me.json()) as { email: string }).email).toBe(DEMO_ACCOUNT.email);
  });

  it('accepts the e-mail in any letter case and an IPv6 loopback redirect', async () => {
    const tokens = await signInWithPassword(api.url, DEMO_ACCOUNT.email.toUpperCase(), DEMO_ACCOUNT.password, 'http://[::1]:40123/cb');
    expect(tokens.access_token).toBeTruthy();
  });

  it('records the sign-in with its method and address for the privacy center', async () => {
    await signInWithPassword(api.url, DEMO_USERS[3].email, DEMO_USERS[3].password);
    const db = new BetterSqlite3(api.dbPath, { readonly: true });
    const rows = db.prepare('SELECT ip, method FROM sign_in_events WHERE user_id = ?').all(DEMO_USERS[3].id);
    db.close();
    expect(rows).toEqual([{ ip: '127.0.0.1', method: 'password' }]);
  });

  it('refuses a code redeemed with the wrong verifier', async () => {
    const { challenge } = createPkce();
    const { code } = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, authorizeParams(challenge));
    const response = await exchangeCode(api.url, { code: code!, verifier: createPkce().verifier });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a verifier that is not a valid PKCE verifier', async () => {
    const { challenge } = createPkce();
    const { code } = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, authorizeParams(challenge));
    const response = await exchangeCode(api.url, { code: code!, verifier: 'short' });
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a code sent with another redirect URI than it was issued for', async () => {
    const { verifier, challenge } = createPkce();
    const { code } = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, authorizeParams(challenge));
    const response = await exchangeCode(api.url, { code: code!, verifier, redirectUri: 'http://127.0.0.1:1/other' });
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a reused code and withdraws the tokens the first use produced', async () => {
    const { verifier, challenge } = createPkce();
    const { code } = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, authorizeParams(challenge));
    const first = TokenResponseSchema.parse(await (await exchangeCode(api.url, { code: code!, verifier })).json());
    const second = await exchangeCode(api.url, { code: code!, verifier });
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
    const me = await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(me.status).toBe(401);
  });

  it('refuses a code older than 60 seconds', async () => {
    const { verifier, challenge } = createPkce();
    const { code } = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, authorizeParams(challenge));
    api.clock.advance(61_000);
    const response = await exchangeCode(api.url, { code: code!, verifier });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });
  });

  it('shows the form again with a message and status 401 after a wrong password', async () => {
    const { challenge } = createPkce();
    const result = await requestCode(api.url, DEMO_USERS[1].email, 'not-the-password', authorizeParams(challenge));
    expect(result.response.status).toBe(401);
    expect(result.location).toBeUndefined();
    const html = await result.response.text();
    expect(html).toContain('E-mail or password is wrong.');
    expect(html).toContain(`value="${DEMO_USERS[1].email}"`);
    expect(html).toContain('<form');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const { challenge } = createPkce();
    const result = await requestCode(api.url, 'nobody@nowhere.example', 'whatever', authorizeParams(challenge));
    expect(result.response.status).toBe(401);
    expect(await result.response.text()).toContain('E-mail or password is wrong.');
  });

  it.each([
    ['a localhost redirect', { redirect_uri: 'http://localhost:5000/cb' }],
    ['an https redirect', { redirect_uri: 'https://127.0.0.1:5000/cb' }],
    ['a redirect to another host', { redirect_uri: 'http://evil.example:5000/cb' }],
    ['a redirect without a port', { redirect_uri: 'http://127.0.0.1/cb' }],
    ['a missing redirect', { redirect_uri: undefined }],
    ['an unknown client', { client_id: 'someone-else' }],
  ])('shows an error page and never redirects for %s', async (_name, overrides) => {
    const response = await fetch(authorizeUrl(api.url, authorizeParams(createPkce().challenge, overrides)), { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('This sign-in link is not valid');
  });

  it('sends the app back an invalid_request error when state is missing', async () => {
    const response = await fetch(authorizeUrl(api.url, authorizeParams(createPkce().challenge, { state: undefined })), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(DEFAULT_REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it.each([
    ['a plain PKCE method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no PKCE challenge', { code_challenge: undefined }, 'invalid_request'],
    ['a malformed challenge', { code_challenge: 'too-short' }, 'invalid_request'],
    ['an implicit-flow request', { response_type: 'token' }, 'unsupported_response_type'],
    ['an unknown scope', { scope: 'admin' }, 'invalid_scope'],
  ])('sends the app back an error with its state for %s', async (_name, overrides, error) => {
    const params = authorizeParams(createPkce().challenge, overrides);
    const response = await fetch(authorizeUrl(api.url, params), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('state')).toBe(params.state);
  });

  it('checks the request again when the form is posted', async () => {
    const params = authorizeParams(createPkce().challenge) as Record<string, string>;
    const response = await postForm(`${api.url}/oauth/authorize`, {
      ...params, redirect_uri: 'http://evil.example:1/cb', email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('sign-in rate limits', () => {
  it('locks an account after too many wrong passwords, even for the right one', async () => {
    const api = await startTestApi({ loginRateLimit: { maxFailuresPerAccount: 3, windowMs: 60_000, maxPerIp: 100 } });
    try {
      const params = () => authorizeParams(createPkce().challenge);
      for (let i = 0; i < 3; i += 1) {
        expect((await requestCode(api.url, DEMO_ACCOUNT.email, `wrong-${i}`, params())).response.status).toBe(401);
      }
      const locked = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, params());
      expect(locked.response.status).toBe(429);
      expect(locked.code).toBeUndefined();
      expect(await locked.response.text()).toMatch(/Wait 1 minute/);
      // Other accounts are unaffected, and the lock lifts when the window passes.
      expect((await requestCode(api.url, DEMO_USERS[1].email, DEMO_USERS[1].password, params())).code).toBeTruthy();
      api.clock.advance(60_001);
      expect((await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, params())).code).toBeTruthy();
    } finally {
      await api.close();
    }
  });

  it('answers 429 to one address that posts the form too often', async () => {
    const api = await startTestApi({ loginRateLimit: { maxFailuresPerAccount: 100, windowMs: 60_000, maxPerIp: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await requestCode(api.url, `user${i}@example.com`, 'x', authorizeParams(createPkce().challenge))).response.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await api.close();
    }
  });
});
