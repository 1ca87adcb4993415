import { createHash } from 'node:crypto';
import { ExportJobListSchema, ExportJobSchema, RightsRequestSchema, type ExportJob } from '../../shared/api/privacy';
import { requestCode, authorizeParams, createPkce } from '../oauth-client';
import { eventually, expectError, expectStatus, must, type Check, type KitContext } from '../kit';
import { createTicket, ticketBody } from './ticket-fixtures';

/** Starts an export of the owner's data (or joins the one already being prepared) and waits until it is ready. */
async function readyExport(kit: KitContext): Promise<ExportJob> {
  const owner = await kit.as('owner');
  const started = await owner.call('POST', '/privacy/exports');
  let id: string;
  if (started.status === 409) {
    const pending = ExportJobListSchema.parse((await owner.call('GET', '/privacy/exports')).body).exports.find((job) => job.status === 'pending');
    must(pending, 'POST /privacy/exports answered 409 but no export is pending');
    id = pending.id;
  } else {
    expectStatus(started, 202, 'POST /privacy/exports');
    id = ExportJobSchema.parse(started.body).id;
  }
  return eventually(async () => {
    const job = ExportJobSchema.parse((await owner.call('GET', `/privacy/exports/${id}`)).body);
    must(job.status !== 'failed', 'the export failed');
    return job.status === 'ready' ? job : undefined;
  }, 'the export to be ready');
}

export const PRIVACY_CHECKS: Check[] = [
  {
    id: 'privacy.export',
    title: "The owner's export becomes ready; the ZIP matches its SHA-256, resumes with Range, and is nobody else's to read",
    run: async (kit) => {
      const job = await readyExport(kit);
      const owner = await kit.as('owner');
      const zip = await owner.call('GET', `/privacy/exports/${job.id}/download`);
      expectStatus(zip, 200, 'download');
      const digest = createHash('sha256').update(zip.bytes).digest('hex');
      must(digest === job.sha256 && zip.bytes.length === job.size, 'the archive does not match the job\'s sha256 and size');
      must(zip.bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04', 'the export is not a ZIP');
      const part = await owner.call('GET', `/privacy/exports/${job.id}/download`, { headers: { range: 'bytes=4-', 'if-range': zip.headers.get('etag') ?? '' } });
      expectStatus(part, 206, 'a resumed export download');
      must(part.bytes.equals(zip.bytes.subarray(4)), 'the resumed part holds other bytes');
      for (const role of ['otherUser', 'otherCompany'] as const) {
        const other = await kit.as(role);
        expectStatus(await other.call('GET', `/privacy/exports/${job.id}`), [403, 404], `${role} reads the owner's export job`);
        expectStatus(await other.call('GET', `/privacy/exports/${job.id}/download`), [403, 404], `${role} downloads the owner's export`);
      }
      expectError(await kit.anonymous.call('GET', `/privacy/exports/${job.id}/download`), 401, 'unauthorized', 'anonymous download');
    },
  },
  {
    id: 'privacy.erasure',
    title: 'Erasure of the throwaway user: asked, confirmed after a fresh sign-in, then every session ends and the account cannot sign in',
    run: async (kit) => {
      if (!kit.users.throwaway) return { skipped: 'no throwaway user in the users file (--users): erasure is never run on a named user by default' };
      const first = await kit.signIn('throwaway');
      await createTicket(first.caller, ticketBody(kit.runId, { title: `${kit.runId} to be erased` }));
      const asked = await first.caller.call('POST', '/privacy/requests', { json: { kind: 'erase' } });
      expectStatus(asked, 201, 'POST /privacy/requests {kind: "erase"}');
      const request = RightsRequestSchema.parse(asked.body);
      must(request.status === 'confirmation-needed', `an erasure must wait for confirmation, got ${request.status}`);
      expectStatus(await first.caller.call('POST', `/privacy/requests/${request.id}/confirm`), 403, 'confirming with the session that asked');
      // P5.6: the confirmation needs a sign-in that began after the request was received.
      const fresh = await kit.signIn('throwaway');
      const confirmed = await fresh.caller.call('POST', `/privacy/requests/${request.id}/confirm`);
      expectStatus(confirmed, 200, 'confirming after a fresh sign-in');
      must(RightsRequestSchema.parse(confirmed.body).status === 'completed', 'the erasure is not completed');
      for (const session of [first, fresh]) expectError(await session.caller.call('GET', '/me'), 401, 'unauthorized', 'a session of the erased account');
      const { throwaway } = kit.users;
      const again = await requestCode(kit.apiUrl, throwaway.email, throwaway.password, authorizeParams(createPkce().challenge));
      must(!again.code, 'the erased account can still sign in');
    },
  },
];
