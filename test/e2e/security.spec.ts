import { expect, test } from './preview-fixture';

/**
 * Runs in the page (a string, because this project's e2e types have no DOM): injects what an XSS
 * would (inline script, an inline event handler, eval from page code, a tracking pixel, a remote
 * frame) and reports what ran and which CSP directives refused what.
 */
const INJECT = `(async () => {
  const violations = [];
  document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
  const script = document.createElement('script');
  script.textContent = 'window.__injectedInline = true';
  document.body.append(script);
  const holder = document.createElement('div');
  holder.innerHTML = '<img src="x:" onerror="window.__injectedHandler = true">';
  document.body.append(holder);
  // Later, outside the devtools evaluation (which CSP exempts), as page code would run it.
  setTimeout(() => {
    try { window.__evalRan = (0, eval)('true') === true; } catch { window.__evalRan = false; }
  }, 0);
  const img = document.createElement('img');
  img.src = 'https://tracker.example/pixel.png';
  document.body.append(img);
  const frame = document.createElement('iframe');
  frame.src = 'https://evil.example/';
  document.body.append(frame);
  // Wait for the outcome itself (eval tried, each refusal reported), not for a fixed time.
  const expected = ['frame-src', 'img-src', 'script-src-elem'];
  while (window.__evalRan === undefined || !expected.every((directive) => violations.includes(directive))) await new Promise((resolve) => setTimeout(resolve, 10));
  return { inline: window.__injectedInline === true, handler: window.__injectedHandler === true, evalRan: window.__evalRan, violations: [...new Set(violations)].sort() };
})()`;

// Checklist item 7 in a real Chromium: the renderer bundle, served with the same CSP header the
// app:// protocol sends, refuses injected script, eval and remote content.
test('the renderer’s Content-Security-Policy blocks injected script, eval and remote content', async ({ page, preview }) => {
  const failed = new Map<string, string>();
  page.on('requestfailed', (request) => failed.set(request.url(), request.failure()?.errorText ?? ''));
  await page.goto(preview.url);
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();

  const outcome = await page.evaluate(INJECT);
  expect(outcome).toEqual({ inline: false, handler: false, evalRan: false, violations: expect.arrayContaining(['frame-src', 'img-src', 'script-src-elem']) });
  // Refused by the policy before any connection, not merely unreachable.
  expect(failed.get('https://tracker.example/pixel.png')).toMatch(/csp/i);
});
