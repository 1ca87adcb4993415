import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../main/security/static-files';

const base = mkdtempSync(join(tmpdir(), 'static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), '');
writeFileSync(join(base, 'secret.txt'), 'secret');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));

describe('app protocol file resolution', () => {
  it('serves files inside the renderer folder, and index.html for /', async () => {
    expect(await resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(await resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/%E0%A4%A', // malformed percent-encoding
    '/assets/link.txt', // symlink out of the root
    '/missing.js',
  ])('refuses %s', async (path) => {
    expect(await resolveInside(root, path)).toBeNull();
  });
});
