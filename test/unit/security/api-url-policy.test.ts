import { describe, expect, it } from 'vitest';
import { assertSafeApiUrl } from '../../../main/services/api/api-url-policy';

describe('API URL policy (P6.1: encryption in transit)', () => {
  it.each([
    ['https://support.example.com/', 'https://support.example.com'],
    ['https://support.example.com/api/v1/', 'https://support.example.com/api/v1'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts %s', (url, normalised) => expect(assertSafeApiUrl(url)).toBe(normalised));

  it.each(['http://support.example.com', 'http://10.0.0.5:4010', 'ftp://support.example.com', 'https://user:pw@support.example.com', 'not a url', 'http://127.0.0.1.evil.example/'])(
    'refuses %s with insecure_url',
    (url) => expect(() => assertSafeApiUrl(url)).toThrowError(expect.objectContaining({ code: 'insecure_url' })),
  );
});
