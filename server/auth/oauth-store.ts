import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TokenResponse } from '../../shared/api';
import { pkceMatches, randomToken, sha256 } from './secrets';

export const CODE_TTL_MS = 60_000;
export const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

export type GrantResult =
  | { ok: true; tokens: TokenResponse }
  | { ok: false; error: 'invalid_grant' | 'invalid_request'; description: string };

type CodeRow = {
  user_id: string; client_id: string; redirect_uri: string; code_challenge: string; scope: string;
  family_id: string | null; expires_at: number; used_at: number | null;
};
type TokenRow = {
  kind: 'access' | 'refresh'; user_id: string; client_id: string; family_id: string; scope: string;
  expires_at: number; revoked_at: number | null;
};

const invalidGrant = (description: string): GrantResult => ({ ok: false, error: 'invalid_grant', description });

/** Authorization codes and tokens, kept only as SHA-256 digests. Every check-and-update runs in one transaction. */
export class OAuthStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly accessTtlSeconds: number,
  ) {}

  issueCode(input: { userId: string; clientId: string; redirectUri: string; codeChallenge: string; scope: string }): string {
    const code = randomToken();
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO oauth_codes (code_hash, user_id, client_id, redirect_uri, code_challenge, scope, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(sha256(code), input.userId, input.clientId, input.redirectUri, input.codeChallenge, input.scope, at, at + CODE_TTL_MS);
    return code;
  }

  redeemCode(input: { code: string; clientId: string; redirectUri: string; verifier: string }): GrantResult {
    return this.db.transaction((): GrantResult => {
      const hash = sha256(input.code);
      const row = this.db.prepare('SELECT * FROM oauth_codes WHERE code_hash = ?').get(hash) as CodeRow | undefined;
      if (!row) return invalidGrant('The authorization code is not valid.');
      const at = this.now();
      if (row.used_at !== null) {
        // A replayed code means it leaked: withdraw whatever it already produced (RFC 6749 4.1.2).
        if (row.family_id) this.revokeFamily(row.family_id, at);
        return invalidGrant('The authorization code was already used.');
      }
      // Spent on the first attempt, right or wrong, so a stolen code cannot be used to guess verifiers.
      const familyId = randomUUID();
      this.db.prepare('UPDATE oauth_codes SET used_at = ?, family_id = ? WHERE code_hash = ?').run(at, familyId, hash);
      if (row.expires_at <= at) return invalidGrant('The authorization code has expired.');
      if (row.client_id !== input.clientId || row.redirect_uri !== input.redirectUri) {
        return invalidGrant('The code was issued to another client or redirect URI.');
      }
      if (!pkceMatches(input.verifier, row.code_challenge)) return invalidGrant('The code verifier does not match.');
      return { ok: true, tokens: this.issueTokens(row.user_id, row.client_id, row.scope, familyId, at) };
    })();
  }

  /** Refresh-token rotation: each refresh token works once; presenting a spent one ends its whole family. */
  refresh(input: { refreshToken: string; clientId: string }): GrantResult {
    return this.db.transaction((): GrantResult => {
      const hash = sha256(input.refreshToken);
      const row = this.findToken(hash);
      if (!row || row.kind !== 'refresh') return invalidGrant('The refresh token is not valid.');
      const at = this.now();
      if (row.revoked_at !== null) {
        this.revokeFamily(row.family_id, at);
        return invalidGrant('The refresh token was already used or revoked.');
      }
      if (row.expires_at <= at) return invalidGrant('The refresh token has expired.');
      if (row.client_id !== input.clientId) return invalidGrant('The refresh token was issued to another client.');
      this.db.prepare('UPDATE oauth_tokens SET revoked_at = ? WHERE token_hash = ?').run(at, hash);
      return { ok: true, tokens: this.issueTokens(row.user_id, row.client_id, row.scope, row.family_id, at) };
    })();
  }

  /** RFC 7009: revoking a refresh token also ends the access tokens of its family. Unknown tokens are ignored. */
  revoke(token: string): void {
    this.db.transaction(() => {
      const hash = sha256(token);
      const row = this.findToken(hash);
      if (!row) return;
      const at = this.now();
      if (row.kind === 'refresh') this.revokeFamily(row.family_id, at);
      else this.db.prepare('UPDATE oauth_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, hash);
    })();
  }

  /** The user an access token speaks for, or undefined when it is unknown, expired or revoked. */
  userForAccessToken(token: string): string | undefined {
    const row = this.findToken(sha256(token));
    if (!row || row.kind !== 'access' || row.revoked_at !== null || row.expires_at <= this.now()) return undefined;
    return row.user_id;
  }

  private findToken(hash: string): TokenRow | undefined {
    return this.db.prepare('SELECT * FROM oauth_tokens WHERE token_hash = ?').get(hash) as TokenRow | undefined;
  }

  private revokeFamily(familyId: string, at: number): void {
    this.db.prepare('UPDATE oauth_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(at, familyId);
  }

  private issueTokens(userId: string, clientId: string, scope: string, familyId: string, at: number): TokenResponse {
    const access = randomToken();
    const refresh = randomToken();
    const insert = this.db.prepare(
      `INSERT INTO oauth_tokens (token_hash, kind, user_id, client_id, family_id, scope, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(sha256(access), 'access', userId, clientId, familyId, scope, at, at + this.accessTtlSeconds * 1000);
    insert.run(sha256(refresh), 'refresh', userId, clientId, familyId, scope, at, at + REFRESH_TTL_MS);
    return { access_token: access, token_type: 'Bearer', expires_in: this.accessTtlSeconds, refresh_token: refresh, scope };
  }
}
