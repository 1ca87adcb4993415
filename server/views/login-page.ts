import type { Locale } from '../../shared/locale';
import type { AuthorizeRequest } from '../auth/authorize-request';
import { escapeHtml, htmlPage } from './html-page';
import { LOGIN_STRINGS } from './login-strings';

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

/**
 * The sign-in form in the user's language; the hidden fields carry the authorization request (and the
 * language, as ui_locales) to the POST, which re-validates them.
 */
export function loginPage(request: AuthorizeRequest, locale: Locale, options: { email?: string; message?: string } = {}): string {
  const words = LOGIN_STRINGS[locale];
  const message = options.message
    ? `<p id="sign-in-error" role="alert" class="alert">${escapeHtml(options.message)}</p>`
    : '';
  const describedBy = options.message ? ' aria-describedby="sign-in-error" aria-invalid="true"' : '';
  return htmlPage(
    words.title,
    `<h1>${escapeHtml(words.heading)}</h1>
<p>${escapeHtml(words.intro)}</p>
${message}
<form method="post" action="/oauth/authorize">
${hidden('response_type', 'code')}
${hidden('client_id', request.clientId)}
${hidden('redirect_uri', request.redirectUri)}
${hidden('state', request.state)}
${hidden('code_challenge', request.codeChallenge)}
${hidden('code_challenge_method', 'S256')}
${hidden('scope', request.scope)}
${hidden('ui_locales', locale)}
<label for="email">${escapeHtml(words.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus maxlength="254" value="${escapeHtml(options.email ?? '')}"${describedBy}>
<label for="password">${escapeHtml(words.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${describedBy}>
<button type="submit">${escapeHtml(words.submit)}</button>
</form>`,
    locale,
  );
}

const BASE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/** CSP for pages without a form. */
export const STATIC_PAGE_CSP = `${BASE_CSP}; form-action 'none'`;

/**
 * Chromium applies form-action to the redirects that follow a submission, so the loopback origin the
 * POST 302s to must be allowed too, or the app would never receive its code. CSP host sources cannot
 * name an IPv6 literal (Chromium ignores `http://[::1]:port`), so for [::1] the scheme `http:` is the
 * narrowest source that works; the page runs no script and escapes every value, so nothing on it can
 * aim a form elsewhere.
 */
export function loginPageCsp(redirectUri: string): string {
  const url = new URL(redirectUri);
  return `${BASE_CSP}; form-action 'self' ${url.hostname.startsWith('[') ? 'http:' : url.origin}`;
}
