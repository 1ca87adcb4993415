import { createHash } from 'node:crypto';
import { CatalogueSchema, type SoftwareFile } from '../../shared/api/software';
import { CatalogueSchema as DocsCatalogueSchema } from '../../shared/api/docs';
import { expectStatus, must, type Check, type KitContext } from '../kit';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A public file of the software catalogue, as an anonymous caller sees it. */
async function publicFile(kit: KitContext): Promise<SoftwareFile> {
  const answer = await kit.anonymous.call('GET', '/software/catalogue');
  expectStatus(answer, 200, 'GET /software/catalogue');
  const catalogue = CatalogueSchema.safeParse(answer.body);
  must(catalogue.success, 'the catalogue does not match Catalogue');
  const file = catalogue.data.products.flatMap((p) => p.releases.flatMap((r) => r.files)).find((f) => f.accessLevel === 'public' && f.access === 'granted' && f.size >= 64);
  must(file, 'the catalogue lists no public file of 64 bytes or more to download');
  return file;
}

const download = (kit: KitContext, file: SoftwareFile, headers: Record<string, string> = {}) => kit.anonymous.call('GET', file.downloadPath, { headers });

export const DOWNLOAD_CHECKS: Check[] = [
  {
    id: 'downloads.etag',
    title: 'A download answers the whole file with a strong ETag and Accept-Ranges: bytes; its bytes match the catalogue SHA-256',
    run: async (kit) => {
      const file = await publicFile(kit);
      const whole = await download(kit, file);
      expectStatus(whole, 200, 'GET the file');
      const etag = whole.headers.get('etag') ?? '';
      must(/^"[^"]+"$/.test(etag), `expected a strong ETag, got ${JSON.stringify(etag)}`);
      must(whole.headers.get('accept-ranges') === 'bytes', 'Accept-Ranges must be bytes');
      must(whole.bytes.length === file.size && sha256(whole.bytes) === file.sha256, 'the bytes do not match the size and SHA-256 of the catalogue');
    },
  },
  {
    id: 'downloads.range',
    title: 'Range answers 206 with Content-Range and exactly those bytes, a closed and an open-ended range',
    run: async (kit) => {
      const file = await publicFile(kit);
      const whole = await download(kit, file);
      const part = await download(kit, file, { range: 'bytes=10-41' });
      expectStatus(part, 206, 'Range bytes=10-41');
      must(part.headers.get('content-range') === `bytes 10-41/${file.size}`, `Content-Range: ${part.headers.get('content-range')}`);
      must(part.bytes.equals(whole.bytes.subarray(10, 42)), 'the range holds other bytes');
      const rest = await download(kit, file, { range: `bytes=${file.size - 7}-` });
      expectStatus(rest, 206, 'an open-ended range');
      must(rest.bytes.equals(whole.bytes.subarray(file.size - 7)), 'the open-ended range holds other bytes');
    },
  },
  {
    id: 'downloads.if-range',
    title: 'If-Range with the current ETag resumes (206); with another ETag it answers the whole file (200)',
    run: async (kit) => {
      const file = await publicFile(kit);
      const etag = (await download(kit, file)).headers.get('etag') ?? '';
      expectStatus(await download(kit, file, { range: 'bytes=5-', 'if-range': etag }), 206, 'If-Range with the current ETag');
      const stale = await download(kit, file, { range: 'bytes=5-', 'if-range': '"an-older-file"' });
      expectStatus(stale, 200, 'If-Range with another ETag');
      must(stale.bytes.length === file.size, 'a stale If-Range must get the whole file');
    },
  },
  {
    id: 'downloads.unsatisfiable',
    title: 'A range past the end answers 416 with Content-Range: bytes */<size>',
    run: async (kit) => {
      const file = await publicFile(kit);
      const answer = await download(kit, file, { range: `bytes=${file.size + 10}-` });
      expectStatus(answer, 416, 'a range past the end');
      must(answer.headers.get('content-range') === `bytes */${file.size}`, `Content-Range: ${answer.headers.get('content-range')}`);
    },
  },
  {
    id: 'downloads.docs-package',
    title: "A documentation package resumes too: its ETag is its SHA-256 and a range answers 206",
    run: async (kit) => {
      const owner = await kit.as('owner');
      const catalogue = DocsCatalogueSchema.safeParse((await owner.call('GET', '/docs/libraries')).body);
      must(catalogue.success && catalogue.data.libraries.length > 0, 'GET /docs/libraries lists no library');
      const library = catalogue.data.libraries[0]!;
      const part = await owner.call('GET', `/docs/libraries/${library.id}/package`, { headers: { range: 'bytes=0-3' } });
      expectStatus(part, 206, 'Range on a package');
      must(part.headers.get('etag') === `"${library.sha256}"`, `ETag ${part.headers.get('etag')} is not the catalogue's SHA-256`);
      must(part.bytes.toString('latin1') === 'PK\x03\x04', 'a package is a ZIP: its first four bytes are PK\\3\\4');
    },
  },
];
