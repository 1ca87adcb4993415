import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { DESKTOP_CLIENT_ID, TokenResponseSchema } from '../../../shared/api';
import { postForm, refreshTokens, revokeToken, signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from './helpers';

describe('tokens: refresh, rotation and revocation', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ accessTokenTtlSeconds: 60 });
  });
  afterAll(() => api.close());

  const me = (token: string) => fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${token}` } });

  it('keeps the user signed in with a new token pair and marks the answer not cacheable', async () => {
    const first = await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    const response = await refreshTokens(api.url, first.refresh_token);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const second = TokenResponseSchema.parse(await response.json());
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await me(second.access_token)).status).toBe(200);
  });

  it('refuses a refresh token used twice and signs out everything issued from it', async () => {
    const first = await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    const second = TokenResponseSchema.parse(await (await refreshTokens(api.url, first.refresh_token)).json());
    const replay = await refreshTokens(api.url, first.refresh_token);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
    // The legitimate holder's newer tokens are gone too: the family is compromised.
    expect((await me(second.access_token)).status).toBe(401);
    expect((await refreshTokens(api.url, second.refresh_token)).status).toBe(400);
  });

  it('ends the session on revoke, so the profile answers 401', async () => {
    const tokens = await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    expect((await revokeToken(api.url, tokens.refresh_token, 'refresh_token')).status).toBe(200);
    const response = await me(tokens.access_token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await refreshTokens(api.url, tokens.refresh_token)).status).toBe(400);
  });

  it('revokes just an access token when that is what is sent', async () => {
    const tokens = await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    expect((await revokeToken(api.url, tokens.access_token)).status).toBe(200);
    expect((await me(tokens.access_token)).status).toBe(401);
    expect((await refreshTokens(api.url, tokens.refresh_token)).status).toBe(200);
  });

  it('answers 200 to revoking a token it never issued', async () => {
    expect((await revokeToken(api.url, 'no-such-token')).status).toBe(200);
  });

  it('stops accepting an access token once it expires', async () => {
    const tokens = await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    expect(tokens.expires_in).toBe(60);
    api.clock.advance(61_000);
    expect((await me(tokens.access_token)).status).toBe(401);
    expect((await refreshTokens(api.url, tokens.refresh_token)).status).toBe(200);
  });

  it.each([
    ['an unknown grant type', { grant_type: 'password', client_id: DESKTOP_CLIENT_ID }, 'unsupported_grant_type'],
    ['an unknown client', { grant_type: 'refresh_token', client_id: 'other', refresh_token: 'x' }, 'invalid_client'],
    ['no grant type', { client_id: DESKTOP_CLIENT_ID }, 'invalid_request'],
    ['a code grant without code', { grant_type: 'authorization_code', client_id: DESKTOP_CLIENT_ID }, 'invalid_request'],
    ['an unknown refresh token', { grant_type: 'refresh_token', client_id: DESKTOP_CLIENT_ID, refresh_token: 'nope' }, 'invalid_grant'],
  ])('answers an RFC 6749 error for %s', async (_name, fields, error) => {
    const response = await postForm(`${api.url}/oauth/token`, fields);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error, error_description: expect.any(String) });
  });

  it('refuses a token request sent as JSON', async () => {
    const response = await fetch(`${api.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', client_id: DESKTOP_CLIENT_ID, refresh_token: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });
});
