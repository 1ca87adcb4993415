import { randomUUID } from 'node:crypto';
import { OAuthErrorSchema } from '../../shared/api';
import { newKey } from '../http-client';
import { expectError, must, type Check } from '../kit';

export const ERROR_CHECKS: Check[] = [
  {
    id: 'errors.not-found',
    title: 'An unknown route answers 404 in the error shape {error: {code: "not_found", message}}',
    run: async (kit) => expectError(await kit.anonymous.call('GET', `/no-such-route-${randomUUID()}`), 404, 'not_found', 'unknown route'),
  },
  {
    id: 'errors.unauthorized',
    title: 'No token and a forged token answer 401 "unauthorized" with a Bearer challenge (RFC 6750)',
    run: async (kit) => {
      const anonymous = await kit.anonymous.call('GET', '/me');
      expectError(anonymous, 401, 'unauthorized', 'no token');
      must(/^Bearer\b/i.test(anonymous.headers.get('www-authenticate') ?? ''), 'no token: WWW-Authenticate must be a Bearer challenge');
      const forged = await kit.anonymous.call('GET', '/me', { token: 'forged-token-0000' });
      expectError(forged, 401, 'unauthorized', 'forged token');
      must(/invalid_token/.test(forged.headers.get('www-authenticate') ?? ''), 'forged token: the challenge must say error="invalid_token"');
    },
  },
  {
    id: 'errors.validation-fields',
    title: 'A body that fails its schema answers 400 "validation" naming each field, and creates nothing',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const count = async () => ((await owner.call('GET', '/tickets?limit=1')).body as { total?: number } | undefined)?.total;
      const before = await count();
      const answer = await owner.call('POST', '/tickets', { json: { title: 'x' }, key: newKey() });
      expectError(answer, 400, 'validation', 'POST /tickets with a one-letter title and no description');
      const fields = (answer.body as { error: { fields?: Record<string, string> } }).error.fields ?? {};
      must(typeof fields.title === 'string' && typeof fields.description === 'string', `error.fields must name title and description, got ${JSON.stringify(fields)}`);
      must((await count()) === before, 'the refused request was stored');
    },
  },
  {
    id: 'errors.media-type',
    title: 'A JSON route refuses another media type with 415 in the error shape',
    run: async (kit) => {
      const owner = await kit.as('owner');
      const answer = await owner.call('PATCH', '/me', { headers: { 'content-type': 'text/plain' }, json: { job: 'x' } });
      expectError(answer, 415, 'validation', 'PATCH /me as text/plain');
    },
  },
  {
    id: 'errors.oauth-shape',
    title: 'The token endpoint answers errors in the RFC 6749 shape {error, error_description}',
    run: async (kit) => {
      const answer = await kit.anonymous.call('POST', '/oauth/token', { form: { grant_type: 'password', client_id: 'enterprise-support-desktop', username: 'a', password: 'b' } });
      must(answer.status === 400, `expected 400, got ${answer.status}`);
      must(OAuthErrorSchema.safeParse(answer.body).success && answer.body.error === 'unsupported_grant_type', `expected {error: "unsupported_grant_type"}, got ${answer.text.slice(0, 160)}`);
    },
  },
];
