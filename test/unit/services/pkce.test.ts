import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createState } from '../../../main/services/session/pkce';
import { CODE_VERIFIER_PATTERN } from '../../../shared/api';

describe('PKCE helpers (RFC 7636)', () => {
  it('matches the RFC 7636 appendix B example', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it('makes verifiers the server accepts, different every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, createCodeVerifier));
    expect(verifiers.size).toBe(50);
    for (const v of verifiers) expect(v).toMatch(CODE_VERIFIER_PATTERN);
  });
  it('computes the challenge as base64url(sha256(verifier)) without padding', () => {
    const v = createCodeVerifier();
    expect(codeChallengeS256(v)).toBe(createHash('sha256').update(v).digest('base64url'));
    expect(codeChallengeS256(v)).not.toContain('=');
  });
  it('makes unguessable states', () => {
    expect(createState()).not.toBe(createState());
    expect(createState().length).toBeGreaterThanOrEqual(32);
  });
});
