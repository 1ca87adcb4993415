import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../../conformance/run-conformance';
import { DEMO_USERS_FILE, type ConformanceUsers } from '../../../conformance/users';
import { DEMO_USERS } from '../../../server/db/seed-demo';
import { DEMO_COMPANY_ADMINS } from '../../../server/tickets/seed-tickets';
import { startTestApi, type TestApi } from '../server/helpers';
import { startBrokenProxy } from './broken-proxy';

/**
 * The conformance kit against real servers on loopback (real HTTP, a real SQLite file, the real
 * clock, since the erasure check needs a sign-in later than its request): the reference API must
 * pass every check, and a deliberately broken variant must fail the check that names its bug.
 */
let api: TestApi;
let usersFile: string;
const ROOT = join(import.meta.dirname, '../../..');

beforeAll(async () => {
  api = await startTestApi({ now: Date.now });
  const [, , , LI] = DEMO_USERS;
  const users: ConformanceUsers = { ...DEMO_USERS_FILE, throwaway: { email: LI.email, password: LI.password } };
  usersFile = join(api.dbPath, '../conformance-users.json');
  writeFileSync(usersFile, JSON.stringify(users));
});
afterAll(() => api.close());

/** `npm run conformance -- <args>` as CI runs it: its exit code and what it printed. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('the conformance kit (npm run conformance)', () => {
  it("its default users are the reference API's demo seed, in the roles the matrix needs", () => {
    const byEmail = new Map<string, (typeof DEMO_USERS)[number]>(DEMO_USERS.map((user) => [user.email, user]));
    for (const credentials of Object.values(DEMO_USERS_FILE)) expect(byEmail.get(credentials.email)?.password).toBe(credentials.password);
    const [owner, otherUser, otherCompany, admin, colleague] = (['owner', 'otherUser', 'otherCompany', 'companyAdmin', 'adminColleague'] as const).map((role) => byEmail.get(DEMO_USERS_FILE[role].email)!);
    expect(otherUser!.companyId).toBe(owner!.companyId);
    expect(otherCompany!.companyId).not.toBe(owner!.companyId);
    expect(DEMO_COMPANY_ADMINS).toContain(admin!.id);
    expect(colleague!.companyId).toBe(admin!.companyId);
    expect(DEMO_COMPANY_ADMINS).not.toContain(colleague!.id);
  });

  it('passes every check against the reference API, erasure of a throwaway user included, and exits 0 (the CLI, as CI runs it)', async () => {
    const { code, stdout } = await runCli(['--api', api.url, '--users', usersFile]);
    expect(stdout, stdout).toMatch(/conformance: \d+ passed, 0 failed, 0 skipped/);
    expect(stdout).not.toMatch(/^FAIL/m);
    for (const id of ['oauth.refresh-reuse-detection', 'idempotency.concurrent', 'downloads.range', 'authorization.company-admin', 'feed.ordering', 'privacy.export', 'privacy.erasure']) {
      expect(stdout).toMatch(new RegExp(`^PASS +${id.replace('.', '\\.')} `, 'm'));
    }
    expect(code).toBe(0);
  }, 120_000);

  it('fails the idempotency checks, and only those, against a gateway that rewrites every Idempotency-Key; the CLI exits 1', async () => {
    const broken = await startBrokenProxy(api.url, 'fresh-idempotency-keys');
    try {
      const results = await runConformance({ apiUrl: broken.url, only: ['idempotency'] });
      const failed = results.filter((r) => r.status === 'failed').map((r) => r.id);
      expect(failed.sort()).toEqual(['idempotency.concurrent', 'idempotency.other-body', 'idempotency.replay']);
      expect(results.find((r) => r.id === 'idempotency.replay')?.detail).toMatch(/created another request/);
      const cli = await runCli(['--api', broken.url, '--only', 'idempotency.replay']);
      expect(cli.stdout).toMatch(/^FAIL +idempotency\.replay /m);
      expect(cli.code).toBe(1);
    } finally {
      await broken.close();
    }
  }, 60_000);

  it("fails the authorization matrix against a cache that serves the owner's request to whoever asks", async () => {
    const broken = await startBrokenProxy(api.url, 'shared-ticket-cache');
    try {
      const results = await runConformance({ apiUrl: broken.url, only: ['authorization'] });
      const status = Object.fromEntries(results.map((r) => [r.id, r.status]));
      expect(status).toMatchObject({ 'authorization.owner': 'passed', 'authorization.other-user': 'failed', 'authorization.other-company': 'failed', 'authorization.anonymous': 'failed' });
      expect(results.find((r) => r.id === 'authorization.other-user')?.detail).toMatch(/another user reads the owner's request: expected 403 or 404, got 200/);
    } finally {
      await broken.close();
    }
  }, 60_000);
});
