import { createCipheriv, createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CHUNK = 1024 * 1024;

/**
 * Deterministic demo content: the AES-256-CTR keystream of a key derived from `seed`. Fast (GB/s), the
 * same bytes on every machine, and incompressible like a real firmware image.
 */
export function demoContent(seed: string, size: number): Readable {
  const key = createHash('sha256').update(`demo-file:${seed}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(CHUNK, left);
      left -= n;
      this.push(cipher.update(n === CHUNK ? zeros : zeros.subarray(0, n)));
    },
  });
}

export async function demoSha256(seed: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of demoContent(seed, size)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes the demo file if it is missing: temp file + rename, so a crash never leaves half a file. */
export async function ensureDemoFile(folder: string, storageName: string, seed: string, size: number): Promise<string> {
  const path = join(folder, storageName);
  if (existsSync(path)) return path;
  await mkdir(folder, { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await pipeline(demoContent(seed, size), createWriteStream(temp));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return path;
}
