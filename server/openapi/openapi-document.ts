import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { API_VERSION } from '../routes/health-routes';
import { registerCommonComponents } from './common';
import { nameSharedSchemas } from './named-schemas';
import { registerAccountPaths } from './paths-account';
import { registerDocsAndSoftwarePaths } from './paths-docs-software';
import { registerTicketAndPrivacyPaths } from './paths-tickets-privacy';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

let cached: OpenApiDocument | undefined;

/**
 * The reference API's contract as OpenAPI 3.1, generated from the zod schemas of shared/api (the ones
 * both the server and the desktop client validate with). Built once: the schemas do not change at run time.
 */
export function openApiDocument(): OpenApiDocument {
  if (cached) return cached;
  nameSharedSchemas();
  const registry = new OpenAPIRegistry();
  registerCommonComponents(registry);
  registerAccountPaths(registry);
  registerDocsAndSoftwarePaths(registry);
  registerTicketAndPrivacyPaths(registry);
  cached = new OpenApiGeneratorV31(registry.definitions, { sortComponents: 'alphabetically' }).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Enterprise Support API',
      version: API_VERSION,
      description:
        'The remote contract of Enterprise Support Desktop. Errors are `{error: {code, message, fields?}}` (components/schemas/ApiError) except on the ' +
        'OAuth endpoints, which answer RFC 6749 `{error, error_description}`. Create operations take an `Idempotency-Key`; downloads honour `Range` and `If-Range`. ' +
        '`npm run conformance -- --api <url>` checks an implementation against this contract.',
    },
    tags: ['service', 'oauth', 'profile', 'docs', 'software', 'tickets', 'privacy'].map((name) => ({ name })),
  });
  return cached;
}
