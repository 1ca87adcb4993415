import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/tickets';
import { safeAttachmentName } from '../../../shared/attachment-name';
import type { StagedAttachment } from '../../../shared/contract/tickets-contract';
import { AppError } from '../../../shared/errors';
import type { StagedRow, TicketsStore } from './tickets-store';

const tooLarge = (name: string) => new AppError('validation', `"${name}" is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB, the most the service accepts.`);

/**
 * Writes a downloaded file next to its target under a temporary name, hashing it on the way, and
 * renames it into place only when the SHA-256 matches: a damaged download never takes the name.
 */
export async function saveVerified(body: ReadableStream<Uint8Array>, target: string, sha256: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.part`);
  const hash = createHash('sha256');
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), measure, createWriteStream(temp, { flags: 'wx' }));
    if (hash.digest('hex') !== sha256) throw new AppError('server', 'The file arrived damaged (its SHA-256 does not match). Please try again.');
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

export const toStaged = (row: StagedRow): StagedAttachment => ({ id: row.id, name: row.name, size: row.size, sha256: row.sha256 });

/**
 * Copies a file the user chose into the app's own folder before it is sent, with its sha256, so a
 * request written offline still has its attachments when the network returns, even if the original
 * moved. Writes go to a temp name and are renamed when complete: never a half file under a real id.
 */
export class AttachmentStaging {
  constructor(
    private readonly store: TicketsStore,
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  path(id: string): string {
    return join(this.dir, id);
  }

  /** A path from the platform's own file dialog (never one the renderer sent). */
  async fromPath(userId: string, path: string): Promise<StagedAttachment> {
    const name = safeAttachmentName(path);
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('validation', `"${name}" is not a file.`);
    if (info.size > MAX_ATTACHMENT_BYTES) throw tooLarge(name);
    return this.write(userId, name, async (target, hash) => {
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > MAX_ATTACHMENT_BYTES) return done(tooLarge(name));
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(createReadStream(path), measure, createWriteStream(target, { flags: 'wx' }));
      return size;
    });
  }

  async fromBytes(userId: string, rawName: string, bytes: Buffer): Promise<StagedAttachment> {
    const name = safeAttachmentName(rawName);
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(name);
    return this.write(userId, name, async (target, hash) => {
      hash.update(bytes);
      await writeFile(target, bytes, { flag: 'wx' });
      return bytes.length;
    });
  }

  async discard(userId: string, ids: readonly string[]): Promise<void> {
    const owned = this.store.staged(userId, ids);
    this.store.deleteStaged(userId, owned.map((row) => row.id));
    await Promise.all(owned.map((row) => rm(this.path(row.id), { force: true })));
  }

  private async write(userId: string, name: string, fill: (target: string, hash: ReturnType<typeof createHash>) => Promise<number>) {
    await mkdir(this.dir, { recursive: true });
    const id = randomUUID();
    const temp = join(this.dir, `.staging-${id}`);
    const hash = createHash('sha256');
    try {
      const size = await fill(temp, hash);
      await rename(temp, this.path(id));
      const row: StagedRow = { id, user_id: userId, name, size, sha256: hash.digest('hex'), created_at: this.now() };
      this.store.insertStaged(row);
      return toStaged(row);
    } finally {
      await rm(temp, { force: true });
    }
  }
}
