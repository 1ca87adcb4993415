import { z } from 'zod';
import { PROXY_MODES } from './settings';

const none = z.undefined();

/** Problems the diagnostics panel explains in plain words (main/services/desktop/network-errors.ts). */
export const NetworkProblemSchema = z.enum([
  'tls_untrusted',
  'tls_expired',
  'tls_name_mismatch',
  'tls_revoked',
  'tls_protocol',
  'proxy_auth',
  'proxy_unreachable',
  'dns',
  'refused',
  'timeout',
  'http_error',
  'unknown',
]);

export const NetworkDiagnosticsSchema = z.object({
  apiUrl: z.string(),
  proxyMode: z.enum(PROXY_MODES),
  /** The network stack's answer for the API URL, such as "PROXY proxy.corp:8080; DIRECT". */
  resolvedProxy: z.string(),
  hops: z.array(z.object({ type: z.string(), host: z.string().optional(), port: z.number().optional() })),
  proxyProblem: z.string().optional(),
  test: z.object({
    ok: z.boolean(),
    status: z.number().optional(),
    durationMs: z.number(),
    problem: NetworkProblemSchema.optional(),
    detail: z.string().optional(),
  }),
  checkedAt: z.string(),
});
export type NetworkDiagnostics = z.infer<typeof NetworkDiagnosticsSchema>;

export const UpdateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disabled') }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('current'), checkedAt: z.string() }),
  z.object({ state: z.literal('available'), version: z.string() }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('failed'), reason: z.enum(['network', 'verification']), detail: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const ProxyLoginRequestSchema = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number(),
  realm: z.string().optional(),
  retry: z.boolean(),
});
export type ProxyLoginRequest = z.infer<typeof ProxyLoginRequestSchema>;

export const ProxyLoginAnswerSchema = z.union([
  z.strictObject({ id: z.uuid(), username: z.string().min(1).max(256), password: z.string().max(1024) }),
  z.strictObject({ id: z.uuid(), cancel: z.literal(true) }),
]);

export const NavigationSchema = z.object({ path: z.string() });
export const DESKTOP_COMMANDS = ['openPalette', 'checkForUpdates'] as const;
export const DesktopCommandSchema = z.object({ command: z.enum(DESKTOP_COMMANDS) });

/** Schemas of the desktop domain's bridge methods and events (names in shared/channel-names/desktop.ts). */
export const desktopMethods = {
  'desktop.diagnose': { input: none, output: NetworkDiagnosticsSchema },
  'desktop.answerProxyLogin': { input: ProxyLoginAnswerSchema, output: z.boolean() },
  'desktop.updateStatus': { input: none, output: UpdateStatusSchema },
  'desktop.checkForUpdates': { input: none, output: UpdateStatusSchema },
  'desktop.downloadUpdate': { input: none, output: UpdateStatusSchema },
  'desktop.installUpdate': { input: none, output: z.void() },
  'desktop.takePendingNavigation': { input: none, output: NavigationSchema.nullable() },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const desktopEvents = {
  'desktop.onNavigate': NavigationSchema,
  'desktop.onCommand': DesktopCommandSchema,
  'desktop.onProxyLogin': ProxyLoginRequestSchema,
  'desktop.onProxyLoginSettled': z.object({ id: z.string() }),
  'desktop.onUpdateStatus': UpdateStatusSchema,
} as const satisfies Record<string, z.ZodType>;
