import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseAuthorizeRequest, redirectWith, type AuthorizeRequest, type ParsedAuthorize } from '../auth/authorize-request';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import { isForm, type ApiContext } from '../context';
import { errorPage } from '../views/html-page';
import { loginPage, loginPageCsp, STATIC_PAGE_CSP } from '../views/login-page';

export const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

function sendPage(reply: FastifyReply, status: number, html: string, csp = STATIC_PAGE_CSP): FastifyReply {
  return reply.code(status).header('content-security-policy', csp).type('text/html; charset=utf-8').send(html);
}

function sendLogin(reply: FastifyReply, status: number, request: AuthorizeRequest, options?: { email?: string; message?: string }) {
  return sendPage(reply, status, loginPage(request, options), loginPageCsp(request.redirectUri));
}

/**
 * Settles a request that is not `ok`: a bad client or redirect URI gets a page, never a redirect (an
 * open redirector otherwise); other faults go back to the app as RFC 6749 4.1.2.1 error parameters.
 */
function refuse(reply: FastifyReply, parsed: Exclude<ParsedAuthorize, { kind: 'ok' }>): FastifyReply {
  if (parsed.kind === 'bad_client') return sendPage(reply, 400, errorPage('This sign-in link is not valid', parsed.message));
  const location = redirectWith(parsed.redirectUri, { error: parsed.error, error_description: parsed.description, state: parsed.state });
  return reply.redirect(location, 302);
}

export function registerAuthorizeRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const waitMinutes = Math.max(1, Math.ceil(ctx.loginRateLimit.windowMs / 60_000));

  app.get('/oauth/authorize', async (request, reply) => {
    const parsed = parseAuthorizeRequest(request.query);
    return parsed.kind === 'ok' ? sendLogin(reply, 200, parsed.request) : refuse(reply, parsed);
  });

  app.post(
    '/oauth/authorize',
    { config: { rateLimit: { max: ctx.loginRateLimit.maxPerIp, timeWindow: 60_000 } } },
    async (request, reply) => {
      if (!isForm(request)) return sendPage(reply, 415, errorPage('Sign-in failed', 'The form was sent in a format this page does not accept.'));
      const parsed = parseAuthorizeRequest(request.body);
      if (parsed.kind !== 'ok') return refuse(reply, parsed);
      const authorize = parsed.request;

      const credentials = CredentialsSchema.safeParse(request.body);
      if (!credentials.success) {
        const email = (request.body as { email?: unknown }).email;
        return sendLogin(reply, 400, authorize, { email: typeof email === 'string' ? email : '', message: 'Enter your e-mail and password.' });
      }
      const { email, password } = credentials.data;
      // The attempt is claimed (and counted as a failure) before the password is checked: see reserveAttempt.
      if (!ctx.throttle.reserveAttempt(email)) {
        return sendLogin(reply, 429, authorize, {
          email,
          message: `Too many failed sign-ins for this account. Wait ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'} and try again.`,
        });
      }

      const user = ctx.users.findCredentials(email);
      const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
      if (!user || !valid) {
        return sendLogin(reply, 401, authorize, { email, message: 'E-mail or password is wrong.' });
      }

      ctx.throttle.reset(email);
      const code = ctx.store.issueCode({ userId: user.id, ...authorize });
      ctx.users.recordSignIn(user.id, request.ip, 'password', ctx.now());
      return reply.redirect(redirectWith(authorize.redirectUri, { code, state: authorize.state }), 302);
    },
  );
}
