import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDownloadView } from '../../../main/services/software/software-service';
import { startTestApi, type TestApi } from '../server/helpers';
import { softwareDesktop } from './desktop';
import { ALICE, acceptLicence, tokenFor } from './helpers';

// The two verdicts the manager gives itself, not its verifiers: a job nothing can check FAILs.
const FILE = { url: '/software/files/nwos-720-img/download', fileName: 'nwos.img', expectedSize: 6 * 1024 * 1024 };

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = await tokenFor(api.url, ALICE);
  await acceptLicence(api.url, token, 'nwos');
});
afterAll(() => api.close());

describe('verdicts the download manager reaches without a verifier', () => {
  it('FAILs a kind no verifier is registered for, with the code no-verifier', async () => {
    const app = softwareDesktop(api.url, token);
    const job = await app.downloads.enqueue({ kind: 'unregistered', ...FILE });
    const done = await app.downloads.whenSettled(job.id);
    expect(done).toMatchObject({ state: 'failed', reason: { code: 'no-verifier', kind: 'unregistered' }, message: /No verifier is registered/ });
    await app.downloads.dispose();
  });

  it('FAILs with check-failed and the error text when the verifier itself throws', async () => {
    const app = softwareDesktop(api.url, token);
    app.downloads.registerVerifier('flaky', () => Promise.reject(new Error('the manifest server did not answer')));
    const job = await app.downloads.enqueue({ kind: 'flaky', ...FILE });
    const done = await app.downloads.whenSettled(job.id);
    expect(done).toMatchObject({ state: 'failed', reason: { code: 'check-failed', error: 'the manifest server did not answer' } });
    // The reason survives a restart with the rest of the job, and reaches the bridge's view.
    const restarted = app.restart();
    expect(toDownloadView(restarted.downloads.get(job.id))).toMatchObject({ reason: { code: 'check-failed' }, message: /could not be checked/ });
    await restarted.downloads.dispose();
  });
});
