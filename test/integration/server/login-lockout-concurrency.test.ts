import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { authorizeParams, authorizeUrl, createPkce, postForm, readLoginForm, requestCode } from '../helpers/oauth-flow';
import { startTestApi } from './helpers';

const LIMIT = { maxFailuresPerAccount: 5, windowMs: 15 * 60_000, maxPerIp: 1000 };

/** The sign-in form's action and hidden fields, read once so every guess can be posted at the same instant. */
async function loginForm(apiUrl: string) {
  const pageUrl = authorizeUrl(apiUrl, authorizeParams(createPkce().challenge));
  return readLoginForm(await (await fetch(pageUrl)).text(), pageUrl);
}

// 25 scrypt checks (before the fix) share two cores with the rest of the suite: slow, so a generous limit.
describe('account lockout under concurrency (attack finding 1)', { timeout: 90_000 }, () => {
  it('checks at most 5 of 25 wrong passwords posted in parallel for one account, and the right one is then refused too', async () => {
    const api = await startTestApi({ loginRateLimit: LIMIT });
    try {
      const form = await loginForm(api.url);
      // 25 separate connections on loopback, all in flight together: each password check awaits scrypt,
      // so a lock read before that await would let every one of them through.
      const statuses = await Promise.all(
        Array.from({ length: 25 }, (_, i) => postForm(form.action, { ...form.fields, email: DEMO_ACCOUNT.email, password: `guess-${i}` }).then((r) => r.status)),
      );
      expect(statuses.filter((status) => status === 401)).toHaveLength(LIMIT.maxFailuresPerAccount);
      expect(statuses.filter((status) => status === 429)).toHaveLength(25 - LIMIT.maxFailuresPerAccount);

      const right = await requestCode(api.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, authorizeParams(createPkce().challenge));
      expect(right.response.status).toBe(429);
      expect(right.code).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('lets a burst that holds the right password among 24 wrong ones check at most 5 passwords in all', async () => {
    const api = await startTestApi({ loginRateLimit: LIMIT });
    try {
      const form = await loginForm(api.url);
      const passwords = [...Array.from({ length: 24 }, (_, i) => `guess-${i}`), DEMO_ACCOUNT.password];
      const responses = await Promise.all(passwords.map((password) => postForm(form.action, { ...form.fields, email: DEMO_ACCOUNT.email, password })));
      // Whichever arrive first are checked (302 for the right one, 401 for a wrong one); the rest are refused unchecked.
      const checked = responses.filter((response) => response.status !== 429);
      expect(checked.length).toBeLessThanOrEqual(LIMIT.maxFailuresPerAccount);
      expect(responses.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(25 - LIMIT.maxFailuresPerAccount);
    } finally {
      await api.close();
    }
  });
});
