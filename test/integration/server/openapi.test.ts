import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_COPY, serializeOpenApi } from '../../../server/openapi/write-openapi';
import { ALICE, newKey, signedIn, ticketBody, type Caller } from '../tickets/ticket-api-helpers';
import { startTestApi } from './helpers';

// The routes as the server registers them (Fastify's onRoute), in the document's spelling.
const registered = new Set<string>();
const api = await startTestApi({
  configure: (app) =>
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') registered.add(`${method} ${route.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    }),
});
afterAll(() => api.close());

type Document = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };
let served: Document;
let alice: Caller & { token: string };
beforeAll(async () => {
  const response = await fetch(`${api.url}/openapi.json`);
  expect(response.status).toBe(200);
  served = (await response.json()) as Document;
  alice = await signedIn(api.url, ALICE);
});

const documented = () => Object.entries(served.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

describe('the OpenAPI document (GET /openapi.json, docs/openapi.json)', () => {
  it('validates as OpenAPI 3.1 (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(served));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the server registers, and no route the server lacks', () => {
    expect(registered.size).toBeGreaterThan(40);
    expect([...registered].filter((route) => !documented().includes(route)), 'routes missing from server/openapi/paths-*.ts').toEqual([]);
    expect(documented().filter((route) => !registered.has(route)), 'documented routes the server does not register').toEqual([]);
  });

  it('is what the repository keeps in docs/openapi.json (run `npm run openapi` after changing a route or schema)', () => {
    expect(readFileSync(OPENAPI_COPY, 'utf8')).toBe(serializeOpenApi());
    expect(JSON.parse(readFileSync(OPENAPI_COPY, 'utf8'))).toEqual(served);
  });

  it('marks signed-in routes with the bearer scheme and create operations with the Idempotency-Key header', () => {
    const op = (method: string, path: string) => served.paths[path]![method] as unknown as { security?: object[]; parameters?: { name: string; in: string; required?: boolean }[] };
    expect(op('get', '/tickets').security).toEqual([{ bearer: [] }]);
    expect(op('get', '/health').security).toBeUndefined();
    expect(op('post', '/tickets').parameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header', required: true }));
    expect(op('get', '/software/files/{fileId}/download').parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['fileId', 'range', 'if-range']));
  });

  // The schemas in the document are the ones real answers are checked against (JSON Schema 2020-12, as OpenAPI 3.1 uses).
  describe("real answers match the document's response schemas", () => {
    const ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: true }));
    const check = (method: string, path: string, status: number, body: unknown) => {
      const schema = served.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
      expect(schema, `${method} ${path} ${status} is documented`).toBeDefined();
      const validate = ajv.compile({ ...schema, components: served.components });
      expect(validate(body), `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };

    it('profile, tickets, software, privacy and the error shape', async () => {
      const created = await alice('POST', '/tickets', { body: ticketBody(), key: newKey() });
      check('post', '/tickets', 201, created.body);
      check('get', '/tickets/{id}', 200, (await alice('GET', `/tickets/${created.body.id}`)).body);
      check('get', '/tickets', 200, (await alice('GET', '/tickets?limit=5')).body);
      check('get', '/tickets/changes', 200, (await alice('GET', '/tickets/changes')).body);
      check('get', '/me', 200, (await alice('GET', '/me')).body);
      check('get', '/software/catalogue', 200, (await alice('GET', '/software/catalogue')).body);
      check('get', '/privacy/my-data', 200, (await alice('GET', '/privacy/my-data')).body);
      check('get', '/privacy/consents', 200, (await alice('GET', '/privacy/consents')).body);
      check('get', '/docs/libraries', 200, (await alice('GET', '/docs/libraries')).body);
      check('get', '/tickets/{id}', 404, (await alice('GET', `/tickets/${crypto.randomUUID()}`)).body);
      check('post', '/tickets', 400, (await alice('POST', '/tickets', { body: { title: 'x' }, key: newKey() })).body);
      const anonymous = await fetch(`${api.url}/me`);
      check('get', '/me', 401, await anonymous.json());
    });

    it('can fail: an answer missing a required field does not match', () => {
      const schema = served.paths['/me']!.get!.responses['200']!.content!['application/json']!.schema;
      expect(ajv.compile({ ...schema, components: served.components })({ id: 'x' })).toBe(false);
    });
  });
});
