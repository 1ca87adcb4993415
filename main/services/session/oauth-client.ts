import { z } from 'zod';
import { DESKTOP_CLIENT_ID, OAUTH_SCOPE, ProfileSchema, TokenResponseSchema, type TokenResponse } from '../../../shared/api';
import type { ApiClient } from '../api/api-client';

/** The reference API's OAuth endpoints, as the native public client of RFC 8252 uses them. */
export class OAuthClient {
  constructor(private readonly api: ApiClient) {}

  get apiUrl(): string {
    return this.api.baseUrl;
  }

  /** `uiLocales` (OpenID Connect's ui_locales): the language the sign-in page should use, the app's own. */
  authorizeUrl(params: { redirectUri: string; state: string; codeChallenge: string; uiLocales?: string }): string {
    const url = new URL(`${this.api.baseUrl}/oauth/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: DESKTOP_CLIENT_ID,
      redirect_uri: params.redirectUri,
      scope: OAUTH_SCOPE,
      state: params.state,
      code_challenge: params.codeChallenge,
      code_challenge_method: 'S256',
      ...(params.uiLocales ? { ui_locales: params.uiLocales } : {}),
    }).toString();
    return url.href;
  }

  exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<TokenResponse> {
    return this.api.request({
      method: 'POST',
      path: '/oauth/token',
      schema: TokenResponseSchema,
      auth: false,
      form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: DESKTOP_CLIENT_ID, code_verifier: codeVerifier },
    });
  }

  refresh(refreshToken: string): Promise<TokenResponse> {
    return this.api.request({
      method: 'POST',
      path: '/oauth/token',
      schema: TokenResponseSchema,
      auth: false,
      form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: DESKTOP_CLIENT_ID },
    });
  }

  async revoke(token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
    await this.api.request({
      method: 'POST',
      path: '/oauth/revoke',
      schema: z.unknown(),
      auth: false,
      form: { token, token_type_hint: hint, client_id: DESKTOP_CLIENT_ID },
    });
  }

  whoAmI(accessToken: string) {
    return this.api.request({ method: 'GET', path: '/me', schema: ProfileSchema, bearer: accessToken });
  }
}
