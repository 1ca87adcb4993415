/**
 * Every route of the reference API and who may use it. The matrix test reads the routes from the
 * Fastify instance itself and fails on any route missing here, so a new route cannot ship
 * unclassified: add it with its access rule and the test file that proves owner / other user /
 * other company / anonymous for its resources.
 *
 * access:
 *   public    anyone, no credentials needed (a bad Authorization header is ignored or refused, never trusted)
 *   optional  anonymous allowed; a token, if sent, must be valid (401 otherwise) and widens what is shown
 *   bearer    a valid access token; anonymous and invalid tokens get 401 with a Bearer challenge
 *   admin     the server's admin key header; no user token is enough (without it the route answers 404, as if absent)
 *   anonymous-only  refuses any credentials (anonymous usage statistics, P2.8)
 */
export type Access = 'public' | 'optional' | 'bearer' | 'admin' | 'anonymous-only';

export interface RouteRule {
  access: Access;
  /** Where owner / other user / other company / anonymous are tested for this route's resources. */
  provedBy: string;
  /** Status an anonymous request gets, when access is public/optional/anonymous-only. */
  anonymousStatus?: number;
  /** A real resource to probe instead of made-up ids, read from the server's database. */
  samplePath?: (db: { prepare(sql: string): { get(): unknown } }) => string;
  /** JSON body of the anonymous probe. */
  probeBody?: unknown;
  /**
   * The path names one user's resource: the matrix creates one for the owner (owned-resources.ts)
   * and checks that another user of the same company and a user of another company get nothing.
   */
  owned?: true;
}

const ME = 'test/integration/server/profile.test.ts ("never shows or changes another user\'s profile"): the user id comes only from the token';
const DOCS = 'test/integration/docs/docs-api.test.ts';
const PRIVACY = 'test/integration/privacy/server-authorization.test.ts';
const SOFTWARE = 'test/integration/software/software-api.test.ts';
const TICKETS = 'test/integration/tickets/ticket-authorization.test.ts';
const OAUTH = 'test/integration/server/oauth-authorize.test.ts, oauth-tokens.test.ts';

export const ROUTE_TABLE: Record<string, RouteRule> = {
  'GET /health': { access: 'public', anonymousStatus: 200, provedBy: 'test/integration/server/platform.test.ts' },
  'GET /openapi.json': { access: 'public', anonymousStatus: 200, provedBy: 'test/integration/server/openapi.test.ts (the published contract holds no personal data)' },
  'GET /oauth/authorize': { access: 'public', anonymousStatus: 400, provedBy: OAUTH },
  'POST /oauth/authorize': { access: 'public', anonymousStatus: 415, provedBy: OAUTH },
  'POST /oauth/token': { access: 'public', anonymousStatus: 400, provedBy: OAUTH },
  'POST /oauth/revoke': { access: 'public', anonymousStatus: 400, provedBy: OAUTH },
  'GET /me': { access: 'bearer', provedBy: ME },
  'PATCH /me': { access: 'bearer', provedBy: ME },

  'GET /docs/libraries': { access: 'bearer', provedBy: DOCS },
  'GET /docs/libraries/:id/package': { access: 'bearer', provedBy: DOCS },
  'GET /docs/search': { access: 'bearer', provedBy: DOCS },
  'GET /docs/libraries/:id/topics/:topicId': { access: 'bearer', provedBy: DOCS },
  'POST /docs/feedback': { access: 'bearer', provedBy: DOCS },
  'GET /docs/feedback': { access: 'bearer', provedBy: DOCS },

  'GET /privacy/my-data': { access: 'bearer', provedBy: PRIVACY },
  'GET /privacy/consents': { access: 'bearer', provedBy: PRIVACY },
  'PUT /privacy/consents': { access: 'bearer', provedBy: PRIVACY },
  'GET /privacy/recommendations': { access: 'bearer', provedBy: PRIVACY },
  'GET /privacy/disclosures': { access: 'bearer', provedBy: PRIVACY },
  'GET /privacy/policy': { access: 'bearer', provedBy: PRIVACY },
  'POST /privacy/policy/acknowledgements': { access: 'bearer', provedBy: PRIVACY },
  'GET /privacy/contact': { access: 'public', anonymousStatus: 200, provedBy: `${PRIVACY} (P5.7: the contact is always at hand)` },
  'GET /privacy/requests': { access: 'bearer', provedBy: PRIVACY },
  'POST /privacy/requests': { access: 'bearer', provedBy: PRIVACY },
  'POST /privacy/requests/:id/confirm': { access: 'bearer', owned: true, provedBy: PRIVACY },
  'GET /privacy/exports': { access: 'bearer', provedBy: PRIVACY },
  'POST /privacy/exports': { access: 'bearer', provedBy: PRIVACY },
  'GET /privacy/exports/:id': { access: 'bearer', owned: true, provedBy: PRIVACY },
  'GET /privacy/exports/:id/download': { access: 'bearer', owned: true, provedBy: PRIVACY },
  'POST /telemetry/events': { access: 'anonymous-only', anonymousStatus: 200, probeBody: { events: [{ name: 'app.started', hour: '2026-06-01T12:00Z', appVersion: '0.1.0', platform: 'linux' }] }, provedBy: 'test/integration/privacy/server-policy-disclosures.test.ts' },

  'GET /software/catalogue': { access: 'optional', anonymousStatus: 200, provedBy: SOFTWARE },
  'GET /software/releases/:releaseId/manifest': { access: 'public', anonymousStatus: 404, provedBy: `${SOFTWARE} (signed manifests are public by design)` },
  'GET /software/products/:productId/licence': { access: 'bearer', provedBy: SOFTWARE },
  'POST /software/products/:productId/licence/acceptance': { access: 'bearer', provedBy: SOFTWARE },
  'POST /software/applications': { access: 'bearer', provedBy: SOFTWARE },
  'GET /software/applications': { access: 'bearer', provedBy: SOFTWARE },
  'GET /software/applications/:id': { access: 'bearer', owned: true, provedBy: SOFTWARE },
  'POST /admin/software/applications/:id/decision': { access: 'admin', provedBy: SOFTWARE },
  'POST /software/help-requests': { access: 'bearer', provedBy: SOFTWARE },
  'GET /software/help-requests': { access: 'bearer', provedBy: SOFTWARE },
  'GET /software/files/:fileId/download': {
    access: 'optional',
    anonymousStatus: 200,
    samplePath: (db) => `/software/files/${(db.prepare("SELECT id FROM software_files WHERE access_level = 'public' LIMIT 1").get() as { id: string }).id}/download`,
    provedBy: `${SOFTWARE}, test/integration/software/download-faults.test.ts` },

  'GET /tickets': { access: 'bearer', provedBy: TICKETS },
  'POST /tickets': { access: 'bearer', provedBy: TICKETS },
  'GET /tickets/:id': { access: 'bearer', owned: true, provedBy: TICKETS },
  'POST /tickets/:id/comments': { access: 'bearer', owned: true, provedBy: TICKETS },
  'POST /tickets/:id/close': { access: 'bearer', owned: true, provedBy: TICKETS },
  'POST /tickets/:id/reopen': { access: 'bearer', owned: true, provedBy: TICKETS },
  'POST /tickets/:id/attachments': { access: 'bearer', owned: true, provedBy: TICKETS },
  'GET /tickets/:id/attachments/:attachmentId': { access: 'bearer', owned: true, provedBy: TICKETS },
  'GET /tickets/changes': { access: 'bearer', provedBy: TICKETS },
  'GET /devices': { access: 'bearer', provedBy: TICKETS },
  'GET /devices/:id': { access: 'bearer', owned: true, provedBy: TICKETS },
};
