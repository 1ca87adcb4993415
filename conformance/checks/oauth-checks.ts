import { ProfileSchema, TokenResponseSchema } from '../../shared/api';
import { expectError, expectStatus, must, type Check, type KitContext } from '../kit';
import { authorizeParams, authorizeUrl, createPkce, exchangeCode, refreshTokens, requestCode, revokeToken } from '../oauth-client';

/** A code for the owner, with the verifier that redeems it. */
async function ownerCode(kit: KitContext): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = createPkce();
  const params = authorizeParams(challenge);
  const result = await requestCode(kit.apiUrl, kit.users.owner.email, kit.users.owner.password, params);
  must(result.code, `sign-in form: expected a redirect with a code, got ${result.response.status}`);
  must(result.state === params.state, 'the redirect must carry the state the app sent');
  return { code: result.code, verifier };
}

async function tokenError(response: Response, what: string, expected = 'invalid_grant'): Promise<void> {
  const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  must(response.status === 400 && body?.error === expected, `${what}: expected 400 {error: "${expected}"}, got ${response.status} ${JSON.stringify(body)}`);
}

async function tokens(response: Response, what: string) {
  must(response.status === 200, `${what}: expected 200 with tokens, got ${response.status}`);
  const parsed = TokenResponseSchema.safeParse(await response.json());
  must(parsed.success, `${what}: the token response does not match TokenResponse`);
  return parsed.data;
}

export const OAUTH_CHECKS: Check[] = [
  {
    id: 'oauth.code-pkce',
    title: 'Authorization code + PKCE (S256) signs the owner in; the token reads their own profile',
    run: async (kit) => {
      const { code, verifier } = await ownerCode(kit);
      const issued = await tokens(await exchangeCode(kit.apiUrl, { code, verifier }), 'redeeming the code');
      const me = await kit.anonymous.call('GET', '/me', { token: issued.access_token });
      expectStatus(me, 200, 'GET /me');
      const profile = ProfileSchema.safeParse(me.body);
      must(profile.success, 'GET /me does not match Profile');
      must(profile.data.email.toLowerCase() === kit.users.owner.email.toLowerCase(), 'GET /me answers another account');
    },
  },
  {
    id: 'oauth.pkce-verifier',
    title: 'A code redeemed with the wrong PKCE verifier is refused (invalid_grant)',
    run: async (kit) => {
      const { code } = await ownerCode(kit);
      await tokenError(await exchangeCode(kit.apiUrl, { code, verifier: createPkce().verifier }), 'wrong verifier');
    },
  },
  {
    id: 'oauth.code-single-use',
    title: 'A code works once; its replay is refused and withdraws the tokens it gave',
    run: async (kit) => {
      const { code, verifier } = await ownerCode(kit);
      const issued = await tokens(await exchangeCode(kit.apiUrl, { code, verifier }), 'first redemption');
      await tokenError(await exchangeCode(kit.apiUrl, { code, verifier }), 'replayed code');
      expectError(await kit.anonymous.call('GET', '/me', { token: issued.access_token }), 401, 'unauthorized', 'access token of a replayed code');
    },
  },
  {
    id: 'oauth.redirect-loopback-only',
    title: 'The sign-in page refuses a redirect URI that is not a loopback literal, without redirecting (no open redirector)',
    run: async (kit) => {
      const params = authorizeParams(createPkce().challenge, { redirect_uri: 'https://attacker.example/callback' });
      const page = await fetch(authorizeUrl(kit.apiUrl, params), { redirect: 'manual' });
      must(page.status === 400 && !page.headers.get('location'), `expected a 400 page and no Location, got ${page.status} ${page.headers.get('location') ?? ''}`);
    },
  },
  {
    id: 'oauth.refresh-rotation',
    title: 'A refresh token rotates: the answer carries a new refresh token and a working access token',
    run: async (kit) => {
      const first = await kit.signIn('owner');
      const next = await tokens(await refreshTokens(kit.apiUrl, first.tokens.refresh_token), 'refresh');
      must(next.refresh_token !== first.tokens.refresh_token, 'the refresh token did not change');
      expectStatus(await kit.anonymous.call('GET', '/me', { token: next.access_token }), 200, 'GET /me with the refreshed token');
    },
  },
  {
    id: 'oauth.refresh-reuse-detection',
    title: 'A spent refresh token presented again is refused and ends its whole family (RFC 9700 4.14)',
    run: async (kit) => {
      const first = await kit.signIn('owner');
      const next = await tokens(await refreshTokens(kit.apiUrl, first.tokens.refresh_token), 'refresh');
      await tokenError(await refreshTokens(kit.apiUrl, first.tokens.refresh_token), 'reused refresh token');
      await tokenError(await refreshTokens(kit.apiUrl, next.refresh_token), 'the newer refresh token of a family whose old one was reused');
      expectError(await kit.anonymous.call('GET', '/me', { token: next.access_token }), 401, 'unauthorized', 'access token of that family');
    },
  },
  {
    id: 'oauth.revocation',
    title: 'A revoked access token stops working (RFC 7009); the revocation answers 200 even for an unknown token',
    run: async (kit) => {
      const session = await kit.signIn('owner');
      expectStatus(await kit.anonymous.call('GET', '/me', { token: session.tokens.access_token }), 200, 'before revocation');
      const revoked = await revokeToken(kit.apiUrl, session.tokens.access_token);
      must(revoked.status === 200, `revocation answered ${revoked.status}`);
      expectError(await kit.anonymous.call('GET', '/me', { token: session.tokens.access_token }), 401, 'unauthorized', 'after revocation');
      must((await revokeToken(kit.apiUrl, 'no-such-token-at-all')).status === 200, 'revoking an unknown token must answer 200');
    },
  },
];
