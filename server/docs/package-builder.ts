import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { Manifest } from '../../shared/api/docs';

/**
 * Writes a library package: a zip with manifest.json first, then the topics and images. Entry
 * times are fixed so the same library always yields the same bytes and the same sha256.
 */
export async function buildPackage(manifest: Manifest, files: Map<string, Buffer>): Promise<{ data: Buffer; sha256: string }> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.UTC(2026, 0, 1));
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json', { mtime });
  for (const [name, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) zip.addBuffer(data, name, { mtime, compress: !name.endsWith('.png') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const data = Buffer.concat(chunks);
  return { data, sha256: createHash('sha256').update(data).digest('hex') };
}
