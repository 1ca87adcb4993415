import { DEMO_DEVICES } from '../../../server/tickets/seed-tickets';
import { caller, newKey, ticketBody, uploadFile } from '../../integration/tickets/ticket-api-helpers';

/** One request on a resource the owner created, made as any caller (token null: anonymous); answers the status. */
export type Probe = ((token: string | null) => Promise<number>) & { path?: string };

/** A GET probe that also tells its path, so the owner's answer can be inspected. */
const getProbe = (apiUrl: string, path: string): Probe => Object.assign((t: string | null) => json(apiUrl, t, 'GET', path), { path });

const json = (apiUrl: string, token: string | null, method: string, path: string, body?: unknown, key?: string) =>
  caller(apiUrl, token)(method, path, { ...(body !== undefined ? { body } : {}), ...(key ? { key } : {}) }).then((r) => r.status);

/**
 * Resources owned by one user (a ticket with an attachment, the user's device, a data export, a
 * rights request, a software access application), created with the domains' own test helpers, and
 * a probe per route that touches them. The matrix asks every other caller to get nothing.
 */
export async function createOwnedResources(apiUrl: string, ownerToken: string, ownerDeviceOwnerId: string): Promise<Record<string, Probe>> {
  const owner = caller(apiUrl, ownerToken);
  const ticketId = ((await owner('POST', '/tickets', { body: ticketBody(), key: newKey() })).body as { id: string }).id;
  const attachmentId = ((await uploadFile(apiUrl, ownerToken, ticketId, 'router.log', new TextEncoder().encode('log'))).body as { id: string }).id;
  const exportId = ((await owner('POST', '/privacy/exports')).body as { id: string }).id;
  const requestId = ((await owner('POST', '/privacy/requests', { body: { kind: 'restrict', note: 'matrix' } })).body as { id: string }).id;
  await owner('POST', '/software/applications', { body: { productId: 'svault', reason: 'Field upgrade of StorageVault arrays at our Berlin site', phone: '+49 30 901820' } });
  const applicationId = ((await owner('GET', '/software/applications')).body as { applications: { id: string }[] }).applications[0]!.id;
  const deviceId = DEMO_DEVICES.find((device) => device.owner.id === ownerDeviceOwnerId)!.id;

  const probes: Record<string, Probe> = {
    'GET /tickets/:id': getProbe(apiUrl, `/tickets/${ticketId}`),
    'POST /tickets/:id/comments': (t) => json(apiUrl, t, 'POST', `/tickets/${ticketId}/comments`, { body: 'Matrix probe' }, newKey()),
    'POST /tickets/:id/close': (t) => json(apiUrl, t, 'POST', `/tickets/${ticketId}/close`),
    'POST /tickets/:id/reopen': (t) => json(apiUrl, t, 'POST', `/tickets/${ticketId}/reopen`),
    'POST /tickets/:id/attachments': (t) => uploadFile(apiUrl, t, ticketId, 'probe.log', new Uint8Array([1])).then((r) => r.status),
    'GET /tickets/:id/attachments/:attachmentId': getProbe(apiUrl, `/tickets/${ticketId}/attachments/${attachmentId}`),
    'GET /devices/:id': getProbe(apiUrl, `/devices/${deviceId}`),
    'GET /privacy/exports/:id': getProbe(apiUrl, `/privacy/exports/${exportId}`),
    'GET /privacy/exports/:id/download': getProbe(apiUrl, `/privacy/exports/${exportId}/download`),
    'POST /privacy/requests/:id/confirm': (t) => json(apiUrl, t, 'POST', `/privacy/requests/${requestId}/confirm`),
    'GET /software/applications/:id': getProbe(apiUrl, `/software/applications/${applicationId}`),
  };
  return probes;
}
