import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_USERS } from '../../../server/db/seed-demo';
import { ApiErrorBodySchema, ProfileSchema } from '../../../shared/api';
import { signInWithPassword } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from './helpers';

describe('the signed-in user\'s profile (/me)', () => {
  let api: TestApi;
  let alice: string;
  let bernd: string;
  const [ALICE, BERND, CHEN] = DEMO_USERS;

  beforeAll(async () => {
    api = await startTestApi();
    alice = (await signInWithPassword(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password)).access_token;
    bernd = (await signInWithPassword(api.url, BERND.email, BERND.password)).access_token;
  });
  afterAll(() => api.close());

  const get = (token: string) => fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${token}` } });
  const patch = (token: string, body: unknown, contentType = 'application/json') =>
    fetch(`${api.url}/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('shows the profile with the company', async () => {
    const response = await get(alice);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const profile = ProfileSchema.parse(await response.json());
    expect(profile).toMatchObject({ id: ALICE.id, name: 'Alice Becker', email: ALICE.email, country: 'DE', company: { name: 'Northwind Networks' } });
  });

  it('asks for sign-in without a token, with a bearer challenge', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }, { authorization: 'Basic YTpi' }]) {
      const response = await fetch(`${api.url}/me`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="support-api"/);
      expect(ApiErrorBodySchema.parse(await response.json()).error.code).toBe('unauthorized');
    }
  });

  it('saves changed fields and returns the updated profile', async () => {
    const response = await patch(alice, { job: '  Senior network engineer ', country: 'at', phone: '+43 1 234567' });
    expect(response.status).toBe(200);
    const profile = ProfileSchema.parse(await response.json());
    expect(profile).toMatchObject({ job: 'Senior network engineer', country: 'AT', phone: '+43 1 234567', name: 'Alice Becker' });
    expect(profile.updatedAt).toBe(new Date(api.clock.now()).toISOString());
    expect(ProfileSchema.parse(await (await get(alice)).json()).job).toBe('Senior network engineer');
  });

  it.each([
    ['an invalid e-mail', { email: 'not-an-email' }, { email: 'Enter a valid e-mail address.' }],
    ['an empty name', { name: '   ' }, { name: 'Enter your name.' }],
    ['an unknown field', { company: { id: 'x', name: 'Mine now' } }, { company: 'This field cannot be changed here.' }],
    ['an empty patch', {}, { '': 'Change at least one field.' }],
  ])('explains which field is wrong for %s', async (_name, body, fields) => {
    const response = await patch(alice, body);
    expect(response.status).toBe(400);
    const { error } = ApiErrorBodySchema.parse(await response.json());
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual(fields);
  });

  it('refuses an e-mail address another account uses, whatever its letter case', async () => {
    const response = await patch(alice, { email: CHEN.email.toUpperCase() });
    expect(response.status).toBe(409);
    const { error } = ApiErrorBodySchema.parse(await response.json());
    expect(error).toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
  });

  it('lets a user change the letter case of their own e-mail', async () => {
    const response = await patch(bernd, { email: 'Bernd@Northwind.example' });
    expect(response.status).toBe(200);
    expect(ProfileSchema.parse(await response.json()).email).toBe('Bernd@Northwind.example');
  });

  it("never shows or changes another user's profile with one's own token", async () => {
    const before = ProfileSchema.parse(await (await get(bernd)).json());
    const response = await patch(alice, { name: 'Alice Renamed', id: BERND.id } as Record<string, unknown>);
    expect(response.status).toBe(400);
    await patch(alice, { name: 'Alice Renamed' });
    const seenByAlice = ProfileSchema.parse(await (await get(alice)).json());
    expect(seenByAlice.id).toBe(ALICE.id);
    expect(ProfileSchema.parse(await (await get(bernd)).json())).toEqual(before);
  });

  it('refuses bodies that are not JSON or not readable', async () => {
    expect((await patch(alice, 'name=x', 'application/x-www-form-urlencoded')).status).toBe(415);
    const broken = await patch(alice, '{"name":');
    expect(broken.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await broken.json()).error.code).toBe('validation');
  });
});
