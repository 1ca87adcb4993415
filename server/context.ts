import type { Database } from 'better-sqlite3';
import type { FastifyRequest } from 'fastify';
import type { LoginThrottle } from './auth/login-throttle';
import type { OAuthStore } from './auth/oauth-store';
import type { UserRepository } from './users/user-repository';

/** What the routes share; built once per server in app.ts. */
export type ApiContext = {
  db: Database;
  now: () => number;
  store: OAuthStore;
  users: UserRepository;
  throttle: LoginThrottle;
  loginRateLimit: { maxFailuresPerAccount: number; windowMs: number; maxPerIp: number };
  tokenRateLimit: { maxPerIp: number; windowMs: number };
};

/** The media type without parameters, lower-cased ('' when absent). */
export function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export const isForm = (request: FastifyRequest) => mediaType(request) === 'application/x-www-form-urlencoded';
