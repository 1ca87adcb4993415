import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses finds the fuse wire right after this marker in the Electron executable. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The fuse wire of a stock Electron 45 executable (version 1, eight fuses, '1' on / '0' off):
 * runAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, ASAR integrity off,
 * only-load-from-ASAR off, browser V8 snapshot off, file: extra privileges on.
 */
export const STOCK_FUSE_WIRE = '10110001';

/**
 * No Electron binary can be downloaded on our build machines, so electron-builder packages a
 * stand-in: a folder holding an executable named `electron` that carries a real fuse wire, so
 * the `electronFuses` step runs exactly as it would on the real binary and can be read back.
 */
export function createStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, 'electron');
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, STOCK_FUSE_WIRE.length]), Buffer.from(STOCK_FUSE_WIRE)]);
  writeFileSync(executable, Buffer.concat([Buffer.from('#!/bin/sh\n# Stand-in for the Electron executable in packaging tests.\nexit 0\n'), wire]));
  chmodSync(executable, 0o755);
  return dir;
}
