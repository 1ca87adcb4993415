import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { authorizeParams, createPkce, requestCode } from '../helpers/oauth-flow';
import { startTestApi } from './helpers';

const LIMIT = { maxFailuresPerAccount: 3, windowMs: 60_000, maxPerIp: 100 };
const params = () => authorizeParams(createPkce().challenge);

describe('account lockout across a server restart', () => {
  it('keeps an account locked after a restart on the same database, and unlocks it after the window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-api-lockout-'));
    try {
      const first = await startTestApi({ dir, loginRateLimit: LIMIT });
      try {
        for (let i = 0; i < 3; i += 1) expect((await requestCode(first.url, DEMO_ACCOUNT.email, `wrong-${i}`, params())).response.status).toBe(401);
        // The failures are kept under a keyed hash, never the address itself.
        const keys = first.app.db.prepare('SELECT account_key FROM login_failures').all() as { account_key: string }[];
        expect(keys).toHaveLength(3);
        for (const { account_key: key } of keys) expect(key.toLowerCase()).not.toContain(DEMO_ACCOUNT.email.toLowerCase().split('@')[0]);
      } finally {
        await first.close();
      }

      // The restarted server's clock starts at the same instant, so the window has not passed.
      const second = await startTestApi({ dir, loginRateLimit: LIMIT });
      try {
        const locked = await requestCode(second.url, DEMO_ACCOUNT.email.toUpperCase(), DEMO_ACCOUNT.password, params());
        expect(locked.response.status).toBe(429);
        expect(locked.code).toBeUndefined();
        expect(await locked.response.text()).toMatch(/Too many failed sign-ins for this account/);

        second.clock.advance(LIMIT.windowMs + 1);
        expect((await requestCode(second.url, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, params())).code).toBeTruthy();
        // A success clears the account's rows; expired ones go at the next failure.
        expect(second.app.db.prepare('SELECT count(*) AS n FROM login_failures').get()).toEqual({ n: 0 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
