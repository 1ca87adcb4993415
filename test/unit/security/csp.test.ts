import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../../main/security/csp';

describe('renderer Content-Security-Policy', () => {
  const csp = rendererCsp();
  it('allows no inline script, eval, remote script or plugins', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it('adds only the given socket origin for the preview', () => {
    expect(rendererCsp(['ws://127.0.0.1:5180'])).toContain("connect-src 'self' ws://127.0.0.1:5180");
  });
});
