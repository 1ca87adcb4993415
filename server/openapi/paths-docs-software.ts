import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  CatalogueSchema as DocsCatalogueSchema, FeedbackInputSchema, FeedbackListSchema, FeedbackSchema, OnlineSearchQuerySchema, OnlineSearchResultSchema, RemoteTopicSchema,
} from '../../shared/api/docs';
import {
  AccessApplicationInputSchema, AccessApplicationSchema, ApplicationDecisionSchema, CatalogueQuerySchema, CatalogueSchema, HelpRequestInputSchema,
  HelpRequestSchema, LicenceAcceptSchema, LicenceSchema, SignedManifestSchema,
} from '../../shared/api/software';
import { LibraryParams, TopicParams } from '../docs/docs-routes';
import { ParamsSchema as DownloadParams } from '../software/download-route';
import { Id } from '../software/software-routes';
import { bearerErrors, errors, idempotencyHeader, json, jsonBody, optionallySignedIn, RangeHeaders, rangedDownload, signedIn } from './common';


/** Documentation (catalogue, packages, search, topics, feedback) and software (catalogue, manifests, licences, applications, downloads). */
export function registerDocsAndSoftwarePaths(registry: OpenAPIRegistry): void {
  const docs = { tags: ['docs'], security: signedIn };
  registry.registerPath({ ...docs, method: 'get', path: '/docs/libraries', summary: 'The documentation catalogue', responses: { 200: json(DocsCatalogueSchema, 'Every library.'), ...bearerErrors() } });
  registry.registerPath({
    ...docs, method: 'get', path: '/docs/libraries/{id}/package', summary: "A library's package (.esdlib zip), resumable",
    request: { params: LibraryParams, headers: RangeHeaders.pick({ range: true }) },
    responses: { ...rangedDownload('application/zip', 'The whole package; its ETag is its SHA-256.'), ...bearerErrors(400, 404) },
  });
  registry.registerPath({
    ...docs, method: 'get', path: '/docs/search', summary: 'Search the documentation online',
    // `library` may repeat: ?library=a&library=b.
    request: { query: OnlineSearchQuerySchema },
    responses: { 200: json(OnlineSearchResultSchema, 'Hits, best first.'), ...bearerErrors(400) },
  });
  registry.registerPath({
    ...docs, method: 'get', path: '/docs/libraries/{id}/topics/{topicId}', summary: 'One topic as HTML',
    request: { params: TopicParams },
    responses: { 200: json(RemoteTopicSchema, 'The topic.'), ...bearerErrors(400, 404) },
  });
  registry.registerPath({
    ...docs, method: 'post', path: '/docs/feedback', summary: 'Feedback on a topic',
    request: { headers: idempotencyHeader(false), body: jsonBody(FeedbackInputSchema) },
    responses: { 201: json(FeedbackSchema, 'Stored (or, for a repeated Idempotency-Key and body, the stored answer).'), ...bearerErrors(400, 404, 415, 422) },
  });
  registry.registerPath({ ...docs, method: 'get', path: '/docs/feedback', summary: "The caller's own feedback", responses: { 200: json(FeedbackListSchema, 'Newest first.'), ...bearerErrors() } });

  const software = { tags: ['software'] };
  registry.registerPath({
    ...software, method: 'get', path: '/software/catalogue', summary: 'Products, releases and files, with what the caller may do with each',
    security: optionallySignedIn, request: { query: CatalogueQuerySchema },
    responses: { 200: json(CatalogueSchema, 'The catalogue (anonymous callers see each file\'s access as `sign_in` where needed).'), ...errors(400, 401) },
  });
  registry.registerPath({
    ...software, method: 'get', path: '/software/releases/{releaseId}/manifest', summary: "A release's Ed25519-signed manifest (public)",
    request: { params: z.object({ releaseId: Id }) },
    responses: { 200: json(SignedManifestSchema, 'The manifest text and its signature.'), ...errors(404) },
  });
  registry.registerPath({
    ...software, method: 'get', path: '/software/products/{productId}/licence', summary: "The product's licence and whether the caller accepted it", security: signedIn,
    request: { params: z.object({ productId: Id }) },
    responses: { 200: json(LicenceSchema, 'The current licence.'), ...bearerErrors(404) },
  });
  registry.registerPath({
    ...software, method: 'post', path: '/software/products/{productId}/licence/acceptance', summary: 'Accept the current licence version', security: signedIn,
    request: { params: z.object({ productId: Id }), body: jsonBody(LicenceAcceptSchema) },
    responses: { 200: json(LicenceSchema, 'Accepted.'), ...bearerErrors(400, 404, 409, 415) },
  });
  registry.registerPath({
    ...software, method: 'post', path: '/software/applications', summary: 'Apply for restricted software', security: signedIn,
    request: { body: jsonBody(AccessApplicationInputSchema) },
    responses: { 201: json(AccessApplicationSchema, 'Received; pending review.'), ...bearerErrors(400, 409, 415) },
  });
  registry.registerPath({
    ...software, method: 'get', path: '/software/applications', summary: "The caller's applications", security: signedIn,
    responses: { 200: json(z.object({ applications: z.array(AccessApplicationSchema) }), 'Newest first.'), ...bearerErrors() },
  });
  registry.registerPath({
    ...software, method: 'get', path: '/software/applications/{id}', summary: "One of the caller's applications", security: signedIn,
    request: { params: z.object({ id: Id }) },
    responses: { 200: json(AccessApplicationSchema, 'The application.'), ...bearerErrors(404) },
  });
  registry.registerPath({
    ...software, method: 'post', path: '/admin/software/applications/{id}/decision', summary: 'Approve or reject an application (vendor staff; answers 404 without the admin key)',
    request: { params: z.object({ id: Id }), headers: z.object({ 'x-admin-key': z.string().meta({ description: 'The server\'s admin key.' }) }), body: jsonBody(ApplicationDecisionSchema) },
    responses: { 200: json(z.object({ id: z.string(), status: z.enum(['approved', 'rejected']) }), 'Decided.'), ...errors(400, 404, 415) },
  });
  registry.registerPath({
    ...software, method: 'post', path: '/software/help-requests', summary: '"Help me get this": contact details for an engineer', security: signedIn,
    request: { body: jsonBody(HelpRequestInputSchema) },
    responses: { 201: json(HelpRequestSchema, 'Received.'), ...bearerErrors(400, 415) },
  });
  registry.registerPath({
    ...software, method: 'get', path: '/software/help-requests', summary: "The caller's help requests", security: signedIn,
    responses: { 200: json(z.object({ helpRequests: z.array(HelpRequestSchema) }), 'Newest first.'), ...bearerErrors() },
  });
  registry.registerPath({
    ...software, method: 'get', path: '/software/files/{fileId}/download', summary: 'Download a file, resumable (public files need no sign-in)',
    security: optionallySignedIn, request: { params: DownloadParams, headers: RangeHeaders },
    responses: { ...rangedDownload('application/octet-stream', 'The whole file.'), ...errors(401, 403, 404) },
  });
}
