import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/api/api-client';
import { ProfileService } from '../../../main/services/profile/profile-service';
import type { SecretStore } from '../../../main/services/session/secret-store';
import { OAuthClient } from '../../../main/services/session/oauth-client';
import { SessionService } from '../../../main/services/session/session-service';
import { TokenVault } from '../../../main/services/session/token-vault';
import { DEMO_ACCOUNT, DEMO_USERS } from '../../../server/db/seed-demo';
import { fakeBrowser } from '../../fakes/fake-browser';
import { testSecrets } from '../../fakes/test-secrets';
import { startTestApi, type TestApi } from '../server/helpers';

let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

const CHEN = DEMO_USERS[2];

/** The app's session and profile services, wired as main/compose.ts wires them, against the live server. */
function desktop(browser: ReturnType<typeof fakeBrowser>, options: { secrets?: SecretStore; allowWeak?: boolean; clock?: { t: number } } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-session-'));
  const clock = options.clock ?? { t: Date.now() };
  const publicApi = new ApiClient({ baseUrl: api.url, fetch });
  const vault = new TokenVault(join(dataDir, 'session.bin'), options.secrets ?? testSecrets('os'), () => options.allowWeak ?? false);
  const session = new SessionService({ oauth: new OAuthClient(publicApi), vault, openBrowser: browser.open, now: () => clock.t });
  const userApi = new ApiClient({ baseUrl: api.url, fetch, getAccessToken: () => session.getAccessToken(), onUnauthorized: () => void session.endSession() });
  const profile = new ProfileService(userApi, (p) => session.updateUser(p));
  return { session, profile, vault, dataDir, clock, file: join(dataDir, 'session.bin') };
}

async function signIn(app: ReturnType<typeof desktop>) {
  await app.session.signIn();
  return app.session.settled();
}

const meWith = (token: string) => fetch(`${api.url}/me`, { headers: { Authorization: `Bearer ${token}` } });

describe('sign-in through the system browser (authorization code + PKCE, loopback redirect)', () => {
  it('signs the demo user in and shows their own profile (P5.1)', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT));
    const { authorizeUrl } = await app.session.signIn();
    expect(new URL(authorizeUrl).searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const state = await app.session.settled();
    expect(state).toMatchObject({ status: 'signed-in', user: { email: DEMO_ACCOUNT.email }, tokenStorage: 'encrypted' });
    const profile = await app.profile.get();
    expect(profile).toMatchObject({ email: DEMO_ACCOUNT.email, name: 'Alice Becker', company: { name: 'Northwind Networks' } });
  });

  it('saves a corrected phone number on the server (P5.2) and keeps the header name in step', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT));
    await signIn(app);
    const updated = await app.profile.update({ phone: '+49 30 555 0100', name: 'Alice M. Becker' });
    expect(updated.phone).toBe('+49 30 555 0100');
    expect((await app.profile.get()).phone).toBe('+49 30 555 0100');
    expect(app.session.get()).toMatchObject({ status: 'signed-in', user: { name: 'Alice M. Becker' } });
    await app.profile.update({ name: 'Alice Becker' });
  });

  it('shows the server field message when an e-mail belongs to someone else', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT));
    await signIn(app);
    await expect(app.profile.update({ email: CHEN.email })).rejects.toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
  });

  it('stays waiting after a wrong password, then finishes when the right one is typed', async () => {
    const wrong = fakeBrowser({ email: DEMO_ACCOUNT.email, password: 'wrong-password' });
    const app = desktop(wrong);
    const { authorizeUrl } = await app.session.signIn();
    await wrong.idle();
    expect(wrong.pages[0]?.status).toBe(401);
    expect(app.session.get().status).toBe('signing-in');
    await fakeBrowser(DEMO_ACCOUNT).open(authorizeUrl);
    expect(await app.session.settled()).toMatchObject({ status: 'signed-in' });
  });

  it('refuses an answer whose state was tampered with, and stores no token', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT, { tamper: (r) => r.searchParams.set('state', 'attacker-state') }));
    const state = await signIn(app);
    expect(state).toMatchObject({ status: 'signed-out', lastError: { code: 'forbidden', message: expect.stringMatching(/state/) } });
    expect(app.vault.current).toBeNull();
    expect(existsSync(app.file)).toBe(false);
  });

  it('fails clearly when the code expired before the app redeemed it', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT, { beforeRedirect: () => api.clock.advance(5 * 60_000) }));
    const state = await signIn(app);
    expect(state).toMatchObject({ status: 'signed-out', lastError: { code: 'unauthorized' } });
  });

  it('can be cancelled while waiting for the browser', async () => {
    const app = desktop({ open: async () => undefined, pages: [], idle: async () => undefined });
    const { authorizeUrl } = await app.session.signIn();
    const redirectUri = new URL(authorizeUrl).searchParams.get('redirect_uri')!;
    app.session.cancelSignIn();
    expect(app.session.get()).toEqual({ status: 'signed-out' });
    await expect(fetch(redirectUri)).rejects.toThrow(); // the loopback listener is gone
  });
});

describe('tokens', () => {
  it('refreshes the access token before it expires, and the old refresh token stops working', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT));
    await signIn(app);
    const before = app.vault.current!;
    app.clock.t += 14.5 * 60_000; // within a minute of the 15-minute expiry
    expect((await app.profile.get()).email).toBe(DEMO_ACCOUNT.email);
    const after = app.vault.current!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const reuse = await fetch(`${api.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: before.refreshToken, client_id: 'enterprise-support-desktop' }),
    });
    expect(reuse.status).toBe(400);
  });

  it('revokes the tokens on the server and wipes them on sign-out (P3.2)', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT));
    await signIn(app);
    const { accessToken } = app.vault.current!;
    expect((await meWith(accessToken)).status).toBe(200);
    await app.session.signOut();
    expect((await meWith(accessToken)).status).toBe(401);
    expect(existsSync(app.file)).toBe(false);
    expect(app.session.get()).toEqual({ status: 'signed-out' });
    await expect(app.profile.get()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('ends the session when the server refuses the token', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT));
    await signIn(app);
    await fetch(`${api.url}/oauth/revoke`, { method: 'POST', body: new URLSearchParams({ token: app.vault.current!.refreshToken }) });
    await expect(app.profile.get()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(app.session.get()).toMatchObject({ status: 'signed-out', lastError: { code: 'unauthorized' } });
  });

  it('keeps tokens on disk only as ciphertext, and restores the session on the next start (P6.1)', async () => {
    const secrets = testSecrets('os');
    const app = desktop(fakeBrowser(DEMO_ACCOUNT), { secrets });
    await signIn(app);
    const onDisk = readFileSync(app.file);
    expect(onDisk.toString('latin1')).not.toContain(app.vault.current!.accessToken);
    expect(onDisk.toString('latin1')).not.toContain(DEMO_ACCOUNT.email);
    const vault = new TokenVault(app.file, secrets, () => false);
    const restarted = new SessionService({ oauth: new OAuthClient(new ApiClient({ baseUrl: api.url, fetch })), vault, openBrowser: async () => undefined });
    expect(await restarted.restore()).toMatchObject({ status: 'signed-in', user: { email: DEMO_ACCOUNT.email } });
  });

  it('keeps tokens only in memory on a keyring-less Linux unless the user agreed', async () => {
    const app = desktop(fakeBrowser(DEMO_ACCOUNT), { secrets: testSecrets('basic_text') });
    expect(await signIn(app)).toMatchObject({ status: 'signed-in', tokenStorage: 'memory' });
    expect(existsSync(app.file)).toBe(false);
    const agreed = desktop(fakeBrowser(DEMO_ACCOUNT), { secrets: testSecrets('basic_text'), allowWeak: true });
    expect(await signIn(agreed)).toMatchObject({ status: 'signed-in', tokenStorage: 'encrypted' });
    expect(existsSync(agreed.file)).toBe(true);
  });

  it('writes or removes the token file at once when the user changes their keyring consent', async () => {
    const consent = { given: false };
    const file = join(mkdtempSync(join(tmpdir(), 'esd-consent-')), 'session.bin');
    const vault = new TokenVault(file, testSecrets('basic_text'), () => consent.given);
    const session = new SessionService({ oauth: new OAuthClient(new ApiClient({ baseUrl: api.url, fetch })), vault, openBrowser: fakeBrowser(DEMO_ACCOUNT).open });
    await session.signIn();
    expect(await session.settled()).toMatchObject({ tokenStorage: 'memory' });
    consent.given = true;
    await session.reapplyTokenStorage();
    expect(existsSync(file)).toBe(true);
    expect(session.get()).toMatchObject({ tokenStorage: 'encrypted' });
    consent.given = false;
    await session.reapplyTokenStorage();
    expect(existsSync(file)).toBe(false);
    expect(session.get()).toMatchObject({ status: 'signed-in', tokenStorage: 'memory' });
  });
});

describe('per-user authorization', () => {
  it("another user's token reads and changes only that user's profile", async () => {
    const alice = desktop(fakeBrowser(DEMO_ACCOUNT));
    const chen = desktop(fakeBrowser({ email: CHEN.email, password: CHEN.password }));
    await signIn(alice);
    await signIn(chen);
    const chenProfile = await chen.profile.get();
    expect(chenProfile).toMatchObject({ id: CHEN.id, email: CHEN.email, company: { name: 'Contoso Datacenter' } });
    await chen.profile.update({ job: 'Changed by Chen' });
    const aliceProfile = await alice.profile.get();
    expect(aliceProfile.id).not.toBe(CHEN.id);
    expect(aliceProfile.job).not.toBe('Changed by Chen');
  });
});
