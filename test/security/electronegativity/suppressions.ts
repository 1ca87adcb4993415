/**
 * Electronegativity findings (medium severity or above) that we have reviewed, each with the
 * reason it is not a vulnerability and the test that proves the property the scanner could not
 * see. A finding matches by rule and by the text of the line it points at, so the same entry
 * covers the TypeScript source and the bundled out/main/index.js. `count` is how many findings
 * an entry covers: a new call site of the same shape fails the scan until someone reviews it.
 */
export interface Suppression {
  rule: string;
  /** The flagged line, trimmed; null for a global finding that has no line. */
  line: RegExp | null;
  /** The flagged file, when the reason holds for a whole folder. */
  file?: RegExp;
  /** 'any' only where the reason is structural (it holds for every site in `file`). */
  count: number | 'any';
  reason: string;
  provedBy: string;
}

const NEW_MAIN_WINDOW = /^const window = new BrowserWindow\(secureWindowOptions\(preloadPath\)\);$/;
const optionsNotFollowed =
  'The window options come from secureWindowOptions() in main/platform/window-security.ts, which the scanner does not follow into; the option is set there.';

export const SUPPRESSIONS: readonly Suppression[] = [
  {
    rule: 'CSP_GLOBAL_CHECK',
    line: null,
    count: 1,
    reason:
      'The CSP is a response header on every app:// response (main/platform/app-protocol.ts via rendererSecurityHeaders); the scanner only recognises <meta> tags and session.webRequest.',
    provedBy: 'test/unit/security/csp.test.ts, test/security/app-protocol.test.ts',
  },
  { rule: 'CONTEXT_ISOLATION_JS_CHECK', line: NEW_MAIN_WINDOW, count: 1, reason: optionsNotFollowed, provedBy: 'test/unit/platform/window-security.test.ts' },
  { rule: 'SANDBOX_JS_CHECK', line: NEW_MAIN_WINDOW, count: 1, reason: optionsNotFollowed, provedBy: 'test/unit/platform/window-security.test.ts' },
  {
    rule: 'AUXCLICK_JS_CHECK',
    line: NEW_MAIN_WINDOW,
    count: 1,
    reason: `${optionsNotFollowed} (disableBlinkFeatures: 'Auxclick'); a middle-click that still asks for a window is denied by the window-open handler.`,
    provedBy: 'test/unit/platform/window-security.test.ts',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^(void )?policy\.openExternal\(url\);$/,
    count: 2,
    reason: "Window-open and navigation guards hand URLs to the policy, whose openExternal (main/index.ts openVendorPage) refuses anything but the vendor's own https pages and mailto (isVendorUrl) before shell.openExternal.",
    provedBy: 'test/unit/platform/window-security.test.ts, test/unit/security/external-links.test.ts',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^await shell\.openExternal\(url\);$/,
    count: 1,
    reason: "main/index.ts's openVendorPage returns false for any URL isVendorUrl refuses, on the line before.",
    provedBy: 'test/unit/security/external-links.test.ts',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^if \(url\.startsWith\(`\$\{apiUrl\}\/oauth\/authorize\?`\)\) await shell\.openExternal\(url\);$/,
    count: 1,
    reason: "Sign-in opens only the configured API's own authorize page in the system browser (RFC 8252).",
    provedBy: 'test/integration/main/session-service.test.ts',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^if \(isAllowedExternalUrl\(url\)\) await shell\.openExternal\(url\);$/,
    count: 1,
    reason: 'The bridge\'s app.openExternal in main/index.ts opens only https pages without credentials and mailto without attachments (isAllowedExternalUrl), after the renderer\'s third-party notice (P7.1).',
    provedBy: 'test/unit/security/external-links.test.ts',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^await deps\.openExternal\(url\);$/,
    count: 1,
    reason: "The bridge's app.openExternal (main/compose.ts links.open) throws forbidden for a URL outside the allow-list before this call.",
    provedBy: 'test/security/ipc-fuzz.test.ts, test/unit/security/external-links.test.ts',
  },
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    line: /openExternal\(/,
    // The sources, and the renderer's minified chunks in the package (the reader's chunk calls it).
    file: /^renderer\/|\/out\/renderer\/assets\/[\w-]+\.js$/,
    count: 'any',
    reason:
      "Renderer code cannot reach shell.openExternal (sandboxed, no Node, lint forbids importing electron there): every such call is the bridge's app.openExternal, which main checks against the allow-list (main/compose.ts links.open) and refuses with forbidden.",
    provedBy: 'test/unit/lint-boundaries.test.ts, test/security/preload-exposure.test.ts, test/unit/security/external-links.test.ts',
  },
  {
    rule: 'PROTOCOL_HANDLER_JS_CHECK',
    line: /^(if \(process\.defaultApp && process\.argv\[1\]\) )?(else )?app\.setAsDefaultProtocolClient\(DEEP_LINK_SCHEME(, process\.execPath, \[process\.argv\[1\]\])?\);$/,
    count: 2,
    reason:
      'Claims our own enterprise-support:// scheme (the installers register it too). Every link is untrusted input: parseDeepLink accepts only three exact shapes of strict ASCII ids and names (no encoding, traversal, queries or credentials) and drops anything else.',
    provedBy: 'test/unit/desktop/deep-link.test.ts, test/security/packaging-config.test.ts',
  },
];
