import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from '../../main/services/desktop/deep-link';
import { isAllowedExternalUrl } from '../../shared/external-links';

// What the Windows and macOS packages promise, read from electron-builder.yml (those targets cannot
// be built here; the Linux smoke build in packaging.test.ts validates the whole file's schema).
const ROOT = resolve(import.meta.dirname, '../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document, checked field by field
const config = load(text) as any;
const targets = (list: ({ target: string } | string)[]) => list.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('builds a per-user NSIS installer for Windows, and accepts updates only signed by our publisher', () => {
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(config.win.signtoolOptions.publisherName).toMatch(/\S/);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('builds a dmg and a zip for macOS with the hardened runtime, minimal entitlements and notarization from the environment', () => {
    expect(targets(config.mac.target)).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(ROOT, file), 'utf8');
      expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    }
    expect(text, 'no Apple or signing secret in the config').not.toMatch(/APPLE_[A-Z_]+\s*:|password\s*:|cscKeyPassword|cscLink/i);
  });

  it('builds AppImage, deb and rpm for Linux, with the homepage and maintainer those formats require', () => {
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
    expect(config.extraMetadata.homepage).toMatch(/^https:\/\//);
    expect(config.extraMetadata.author.email).toMatch(/@/);
  });

  it('registers the deep-link scheme the app handles and opens .esdlib documentation packages', () => {
    expect(config.protocols.flatMap((p: { schemes: string[] }) => p.schemes)).toEqual([DEEP_LINK_SCHEME]);
    expect(config.fileAssociations.map((f: { ext: string }) => f.ext)).toEqual(['esdlib']);
  });

  it('checks for updates over https on a vendor host with the generic provider', () => {
    expect(config.publish.provider).toBe('generic');
    expect(isAllowedExternalUrl(config.publish.url)).toBe(true);
  });
});
