import yauzl from 'yauzl';
import { ManifestSchema, PACKAGE_LIMITS, safeRelativePath, type Manifest } from '../../../shared/api/docs';
import { AppError } from '../../../shared/errors';
import { PDF } from './folder-reader';

export interface OpenPackage {
  manifest: Manifest;
  /** Entry names under images/ (and any other non-topic file), for the reader's offline assets. */
  assetNames: string[];
  read(name: string): Promise<Buffer>;
  close(): void;
}

const refuse = (message: string) => new AppError('validation', `This library package cannot be imported: ${message}`);

/**
 * Opens a library package and checks all of it before anything is written: every entry name is a
 * safe relative path (no `..`, absolute path, backslash or drive), sizes are within limits, the
 * manifest parses, topic ids are unique and every topic file exists.
 */
export async function openPackage(file: string): Promise<OpenPackage> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true }, (error, z) =>
      error || !z ? reject(refuse('it is not a readable zip file.')) : resolve(z),
    ),
  );
  try {
    const entries = await listEntries(zip);
    const manifestEntry = entries.get('manifest.json');
    if (!manifestEntry) throw refuse('it has no manifest.json.');
    if (manifestEntry.uncompressedSize > PACKAGE_LIMITS.manifestBytes) throw refuse('its manifest is too large.');
    let raw: unknown;
    try {
      raw = JSON.parse((await readEntry(zip, manifestEntry)).toString('utf8'));
    } catch {
      throw refuse('its manifest is not valid JSON.');
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) throw refuse(`its manifest is not valid (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message}).`);
    const manifest = parsed.data;
    const ids = new Set<string>();
    const topicFiles = new Set<string>();
    for (const topic of manifest.topics) {
      if (ids.has(topic.id)) throw refuse(`the topic id "${topic.id}" appears twice.`);
      ids.add(topic.id);
      const name = safeRelativePath(topic.file);
      if (!name || !name.startsWith('topics/') || !entries.has(name)) throw refuse(`the topic file "${topic.file}" is missing or outside topics/.`);
      topicFiles.add(name);
    }
    const assetNames = [...entries.keys()].filter((name) => name !== 'manifest.json' && !topicFiles.has(name));
    return {
      manifest,
      assetNames,
      read: (name) => {
        const entry = entries.get(name);
        if (!entry) return Promise.reject(refuse(`"${name}" is missing.`));
        return readEntry(zip, entry);
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      const isDir = entry.fileName.endsWith('/');
      const name = safeRelativePath(isDir ? entry.fileName.slice(0, -1) : entry.fileName);
      if (!name) return reject(refuse(`it contains an unsafe path ("${entry.fileName}").`));
      if (entries.size >= PACKAGE_LIMITS.entries) return reject(refuse('it has too many files.'));
      if (entry.uncompressedSize > (PDF.test(name) ? PACKAGE_LIMITS.pdfBytes : PACKAGE_LIMITS.entryBytes) && name !== 'manifest.json') return reject(refuse(`"${name}" is too large.`));
      total += entry.uncompressedSize;
      if (total > PACKAGE_LIMITS.totalBytes) return reject(refuse('it is too large once unpacked.'));
      if (!isDir) {
        if (entries.has(name)) return reject(refuse(`"${name}" appears twice.`));
        entries.set(name, entry);
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(refuse('it is damaged.')));
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(refuse(`"${entry.fileName}" cannot be read.`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', () => reject(refuse(`"${entry.fileName}" is damaged.`)));
    });
  });
}
