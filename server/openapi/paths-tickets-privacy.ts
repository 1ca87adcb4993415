import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  ConsentChangeSchema, ConsentsSchema, DisclosuresSchema, ExportJobListSchema, ExportJobSchema, MyDataSchema, NewExportSchema, NewRightsRequestSchema, PolicyAcknowledgementSchema,
  PolicySchema, RecommendationsSchema, RightsRequestListSchema, RightsRequestSchema, TelemetryAcceptedSchema, TelemetryBatchSchema,
} from '../../shared/api/privacy';
import {
  AttachmentSchema, CommentCreateSchema, CommentSchema, DeviceListSchema, DeviceSchema, FeedSchema, MAX_ATTACHMENT_BYTES, TicketCreateSchema, TicketListQuerySchema,
  TicketListSchema, TicketSchema,
} from '../../shared/api/tickets';
import { bearerErrors, errors, idempotencyHeader, json, jsonBody, RangeHeaders, rangedDownload, signedIn } from './common';
import { FeedQuerySchema } from '../tickets/feed-device-routes';
import { IdSchema } from '../tickets/route-helpers';

const ById = z.object({ id: IdSchema });

/** Service requests (tickets, attachments, the change feed, devices) and the privacy center. */
export function registerTicketAndPrivacyPaths(registry: OpenAPIRegistry): void {
  const tickets = { tags: ['tickets'], security: signedIn };
  registry.registerPath({
    ...tickets, method: 'get', path: '/tickets', summary: 'Service requests the caller may read (their own; a company admin: the company\'s)',
    request: { query: TicketListQuerySchema },
    responses: { 200: json(TicketListSchema, '`items` (at most `limit`) and `total`, the count that matches the filters.'), ...bearerErrors(400) },
  });
  registry.registerPath({
    ...tickets, method: 'post', path: '/tickets', summary: 'Open a service request',
    request: { headers: idempotencyHeader(true), body: jsonBody(TicketCreateSchema) },
    responses: { 201: json(TicketSchema, 'Created (or the stored answer for a repeated key and body).'), ...bearerErrors(400, 422) },
  });
  registry.registerPath({
    ...tickets, method: 'get', path: '/tickets/changes', summary: 'The change feed: events after a cursor, in order, on requests the caller may read',
    description: '`since` is a cursor this feed handed out (opaque, per company), 0 for the whole history, or `latest` to start following from now.',
    request: { query: FeedQuerySchema },
    responses: { 200: json(FeedSchema, 'Events in ascending `seq`; `cursor` is what to send as `since` next.'), ...bearerErrors(400) },
  });
  registry.registerPath({ ...tickets, method: 'get', path: '/tickets/{id}', summary: 'One service request', request: { params: ById }, responses: { 200: json(TicketSchema, 'The request.'), ...bearerErrors(404) } });
  registry.registerPath({
    ...tickets, method: 'post', path: '/tickets/{id}/comments', summary: 'Reply to a service request (its owner)',
    request: { params: ById, headers: idempotencyHeader(true), body: jsonBody(CommentCreateSchema) },
    responses: { 201: json(CommentSchema, 'Added.'), ...bearerErrors(400, 404, 409, 422) },
  });
  registry.registerPath({ ...tickets, method: 'post', path: '/tickets/{id}/close', summary: 'Close (idempotent: no key needed)', request: { params: ById }, responses: { 200: json(TicketSchema, 'Closed.'), ...bearerErrors(404) } });
  registry.registerPath({
    ...tickets, method: 'post', path: '/tickets/{id}/reopen', summary: 'Reopen a resolved or closed request within its reopen window', request: { params: ById },
    responses: { 200: json(TicketSchema, 'Reopened (or unchanged if it was open).'), ...bearerErrors(404, 409) },
  });
  registry.registerPath({
    ...tickets, method: 'post', path: '/tickets/{id}/attachments', summary: `Attach one file (multipart, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`,
    request: {
      params: ById, headers: idempotencyHeader(true),
      body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }) }) } } },
    },
    responses: { 201: json(AttachmentSchema, 'Stored, with its SHA-256.'), ...bearerErrors(400, 404, 413, 422) },
  });
  registry.registerPath({
    ...tickets, method: 'get', path: '/tickets/{id}/attachments/{attachmentId}', summary: 'Download an attachment',
    request: { params: z.object({ id: IdSchema, attachmentId: IdSchema }) },
    responses: {
      200: {
        description: 'The file; `X-Content-SHA256` is its digest.',
        headers: { 'X-Content-SHA256': { schema: { type: 'string' } } },
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      ...bearerErrors(404),
    },
  });
  registry.registerPath({ ...tickets, method: 'get', path: '/devices', summary: "The caller's devices (a company admin: the company's)", responses: { 200: json(DeviceListSchema, 'By serial.'), ...bearerErrors() } });
  registry.registerPath({ ...tickets, method: 'get', path: '/devices/{id}', summary: 'One device', request: { params: ById }, responses: { 200: json(DeviceSchema, 'The device.'), ...bearerErrors(404) } });

  const privacy = { tags: ['privacy'], security: signedIn };
  const read = (path: string, summary: string, schema: z.ZodType) =>
    registry.registerPath({ ...privacy, method: 'get', path, summary, responses: { 200: json(schema, summary), ...bearerErrors() } });
  read('/privacy/my-data', 'Everything kept about the caller, by category', MyDataSchema);
  read('/privacy/consents', 'Consents and their receipts', ConsentsSchema);
  read('/privacy/recommendations', 'Recommendations and why they are shown', RecommendationsSchema);
  read('/privacy/disclosures', "Who received the caller's data", DisclosuresSchema);
  read('/privacy/policy', 'The privacy policy, its history and what the caller acknowledged', PolicySchema);
  read('/privacy/requests', "The caller's rights requests", RightsRequestListSchema);
  read('/privacy/exports', "The caller's export jobs", ExportJobListSchema);
  registry.registerPath({
    ...privacy, method: 'put', path: '/privacy/consents', summary: 'Grant or withdraw one consent', request: { body: jsonBody(ConsentChangeSchema) },
    responses: { 200: json(ConsentsSchema, 'The consents after the change, with a new receipt.'), ...bearerErrors(400, 415) },
  });
  registry.registerPath({
    ...privacy, method: 'post', path: '/privacy/policy/acknowledgements', summary: 'Acknowledge a policy version', request: { body: jsonBody(PolicyAcknowledgementSchema) },
    responses: { 200: json(PolicySchema, 'Acknowledged.'), ...bearerErrors(400, 409, 415) },
  });
  registry.registerPath({
    tags: ['privacy'], method: 'get', path: '/privacy/contact', summary: 'The data protection contact (public, for someone who can no longer sign in)',
    responses: { 200: json(z.object({ email: z.string(), postal: z.string() }), 'The contact.') },
  });
  registry.registerPath({
    ...privacy, method: 'post', path: '/privacy/requests', summary: 'Make a rights request (restrict, lift a restriction, erase, withdraw consent, object)',
    request: { body: jsonBody(NewRightsRequestSchema) },
    responses: { 201: json(RightsRequestSchema, 'Received; an erasure waits for confirmation.'), ...bearerErrors(400, 409, 415) },
  });
  registry.registerPath({
    ...privacy, method: 'post', path: '/privacy/requests/{id}/confirm', summary: 'Confirm an erasure (needs a recent password sign-in)', request: { params: ById },
    responses: { 200: json(RightsRequestSchema, 'Carried out, or refused with a code.'), ...bearerErrors(403, 404, 409) },
  });
  registry.registerPath({
    ...privacy, method: 'post', path: '/privacy/exports', summary: "Start an export of the caller's data: the chosen categories, or all of them when the body or `categories` is absent",
    // Optional: a POST without a body keeps exporting everything.
    request: { body: { ...jsonBody(NewExportSchema), required: false } },
    responses: { 202: json(ExportJobSchema, 'Accepted; poll the job. The archive\'s manifest.json lists the categories it holds.'), ...bearerErrors(400, 409, 415, 429) },
  });
  registry.registerPath({ ...privacy, method: 'get', path: '/privacy/exports/{id}', summary: 'One export job', request: { params: ById }, responses: { 200: json(ExportJobSchema, 'The job.'), ...bearerErrors(404) } });
  registry.registerPath({
    ...privacy, method: 'get', path: '/privacy/exports/{id}/download', summary: 'Download a ready export (ZIP), resumable', request: { params: ById, headers: RangeHeaders },
    responses: { ...rangedDownload('application/zip', 'The archive; its ETag is its SHA-256, also in `X-Content-SHA256`.'), ...bearerErrors(404, 409) },
  });
  registry.registerPath({
    tags: ['privacy'], method: 'post', path: '/telemetry/events', summary: 'Anonymous usage statistics (refused when sent with credentials)',
    request: { body: jsonBody(TelemetryBatchSchema) },
    responses: { 200: json(TelemetryAcceptedSchema, 'Stored.'), ...errors(400, 415, 429) },
  });
}
