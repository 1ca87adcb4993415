import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertFreeSpace } from '../../../main/services/downloads/disk-space';
import { ProgressMeter } from '../../../main/services/downloads/progress-meter';
import { expectedHashVerifier, type DownloadJob } from '../../../main/services/downloads';
import { DEMO_VENDOR_PUBLIC_KEY, verifySignedManifest } from '../../../main/services/software/manifest-verifier';
import { DEMO_SIGNING_SEED, publicKeyBase64, signingKeyFromSeed, signManifest } from '../../../server/software/signing';

const manifest = { productId: 'p', releaseId: 'r', version: '1.0', files: [{ name: 'a.bin', size: 3, sha256: 'a'.repeat(64) }] };

describe('progress: speed and time left', () => {
  it('reports the speed over the recent window and the seconds left at that speed', () => {
    let t = 0;
    const meter = new ProgressMeter(() => t, 5_000);
    meter.sample(0);
    expect(meter.etaSeconds(0, 100)).toBeNull();
    t = 1_000;
    meter.sample(10_000);
    t = 2_000;
    meter.sample(20_000);
    expect(meter.bytesPerSecond()).toBe(10_000);
    expect(meter.etaSeconds(20_000, 100_000)).toBe(8);
    // A proxy slows down: after the window, only the slow part counts.
    for (let i = 1; i <= 10; i++) {
      t = 2_000 + i * 1_000;
      meter.sample(20_000 + i * 1_000);
    }
    expect(meter.bytesPerSecond()).toBe(1_000);
  });
});

describe('free disk space is checked before a download starts', () => {
  it('refuses a download that does not fit, saying how much is needed and free', async () => {
    const stat = async () => ({ bavail: 1024, bsize: 4096 });
    await expect(assertFreeSpace('/x', 100 * 1024 * 1024, stat)).rejects.toMatchObject({ code: 'storage', message: /needs 100 MiB, 4 MiB is free/ });
    await expect(assertFreeSpace('/x', 1024, async () => ({ bavail: 10n ** 9n, bsize: 4096n }))).resolves.toBeUndefined();
  });
});

describe('the pinned vendor key decides which manifests are trusted', () => {
  it('pins the demo server key, and accepts a manifest only with an intact signature from it', () => {
    const key = signingKeyFromSeed(DEMO_SIGNING_SEED);
    expect(publicKeyBase64(key)).toBe(DEMO_VENDOR_PUBLIC_KEY);
    const signed = signManifest(manifest, key);
    expect(verifySignedManifest(signed, DEMO_VENDOR_PUBLIC_KEY)).toEqual(manifest);
    const tampered = { ...signed, manifest: signed.manifest.replace('"size":3', '"size":4') };
    expect(verifySignedManifest(tampered, DEMO_VENDOR_PUBLIC_KEY)).toBeNull();
    expect(verifySignedManifest({ ...signed, signature: 'AAAA' }, DEMO_VENDOR_PUBLIC_KEY)).toBeNull();
  });

  it('trusts another vendor’s key when configured with it, and not the demo key then', () => {
    const vendor = generateKeyPairSync('ed25519');
    const text = JSON.stringify(manifest);
    const signed = { manifest: text, signature: sign(null, Buffer.from(text), vendor.privateKey).toString('base64'), algorithm: 'Ed25519' };
    expect(verifySignedManifest(signed, publicKeyBase64(vendor.privateKey))).toEqual(manifest);
    expect(verifySignedManifest(signed, DEMO_VENDOR_PUBLIC_KEY)).toBeNull();
  });
});

describe('the checksum verifier documentation libraries use', () => {
  const job = { expectedSize: 3, expectedSha256: 'b'.repeat(64) } as DownloadJob;
  const verify = (sha256: string, size: number, j = job) => expectedHashVerifier({ job: j, sha256, size, partPath: '' });
  it('PASSes only when both the size and the sha256 match the catalogue, and says which check failed as a code', () => {
    expect(verify('b'.repeat(64), 3)).toEqual({ ok: true, reason: { code: 'checksum-match', sha256: 'b'.repeat(64) } });
    expect(verify('c'.repeat(64), 3)).toEqual({ ok: false, reason: { code: 'sha256-mismatch', expected: 'b'.repeat(64), actual: 'c'.repeat(64) } });
    expect(verify('b'.repeat(64), 2)).toEqual({ ok: false, reason: { code: 'size-mismatch', actual: 2, expected: 3 } });
    expect(verify('b'.repeat(64), 3, { ...job, expectedSha256: null })).toEqual({ ok: false, reason: { code: 'no-checksum' } });
  });
});
