import { z } from 'zod';
import { DESKTOP_CLIENT_ID, OAUTH_SCOPE } from '../../shared/api';

/**
 * RFC 8252 7.3: a native app's redirect is the IP loopback literal with any port. `localhost` is refused
 * because it can resolve elsewhere; a fragment is refused by RFC 6749 3.1.2.
 */
export function isLoopbackRedirect(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === '[::1]') &&
    url.port !== '' &&
    url.username === '' &&
    url.password === '' &&
    !value.includes('#')
  );
}

/** The two parameters that must be right before we may redirect anywhere (RFC 6749 4.1.2.1). */
export const ClientSchema = z.object({
  client_id: z.literal(DESKTOP_CLIENT_ID, 'Unknown client.'),
  redirect_uri: z.string().max(2000).refine(isLoopbackRedirect, 'The redirect URI must be http://127.0.0.1:<port>/... or http://[::1]:<port>/...'),
});

export const ParamsSchema = z.object({
  response_type: z.string(),
  state: z.string().min(1).max(1000),
  // S256 challenges are exactly 43 base64url characters (32 bytes of SHA-256).
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  code_challenge_method: z.literal('S256'),
  scope: z.string().max(200).optional(),
});

export type AuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scope: string;
};

export type ParsedAuthorize =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'bad_client'; message: string }
  | { kind: 'redirect_error'; redirectUri: string; state?: string; error: string; description: string };

export function parseAuthorizeRequest(input: unknown): ParsedAuthorize {
  const client = ClientSchema.safeParse(input);
  if (!client.success) return { kind: 'bad_client', message: client.error.issues[0]?.message ?? 'Invalid request.' };
  const redirectUri = client.data.redirect_uri;
  const raw = (input ?? {}) as Record<string, unknown>;
  const state = typeof raw.state === 'string' && raw.state.length > 0 && raw.state.length <= 1000 ? raw.state : undefined;
  const fail = (error: string, description: string): ParsedAuthorize => ({ kind: 'redirect_error', redirectUri, state, error, description });

  const params = ParamsSchema.safeParse(input);
  if (!params.success) {
    const field = params.error.issues[0]?.path.join('.') ?? 'request';
    return fail('invalid_request', `Missing or invalid ${field}.`);
  }
  if (params.data.response_type !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  const scopes = (params.data.scope ?? OAUTH_SCOPE).split(' ').filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => scope !== OAUTH_SCOPE)) return fail('invalid_scope', `Only the "${OAUTH_SCOPE}" scope is offered.`);
  return {
    kind: 'ok',
    request: { clientId: client.data.client_id, redirectUri, state: params.data.state, codeChallenge: params.data.code_challenge, scope: OAUTH_SCOPE },
  };
}

/** The client's redirect URI with our parameters added (its own query is kept, RFC 6749 3.1.2). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}
