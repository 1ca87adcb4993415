import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import type { StreamResponse } from '../api/api-client';
import { logFailure } from '../logging/log';

/** The part file and the hash of exactly the bytes in it: they move together or not at all. */
export interface PartState {
  hash: Hash;
  bytes: number;
  etag: string | null;
}

/** The server sent more bytes than the file may have: nothing beyond the limit was written. */
export class OversizeError extends Error {}

/** The server could not serve the range we asked for (416): the caller restarts from zero. */
export class RangeNotSatisfiableError extends Error {
  constructor(
    message: string,
    /** The file's size when the server said it (Content-Range: bytes *\/size). */
    readonly totalBytes: number | null = null,
  ) {
    super(message);
  }
}

// Writes are batched so a syscall carries about a MiB, and one write is in flight while the next batch fills.
const BATCH_BYTES = 1024 * 1024;

/**
 * Rebuilds the hash of a part file left by an earlier run (the one re-read a restart costs; within a
 * run, pause and retry keep the hash in memory and never re-read). Bytes beyond `maxBytes` are cut.
 */
export async function restorePart(partPath: string, maxBytes: number, etag: string | null): Promise<PartState> {
  const size = await stat(partPath).then((s) => s.size, () => 0);
  const hash = createHash('sha256');
  if (size === 0 || size > maxBytes || !etag) {
    await truncate(partPath, 0).catch(logFailure('downloads: could not empty a part file that cannot be resumed', { partPath }));
    return { hash, bytes: 0, etag: null };
  }
  await hashFile(partPath, hash);
  return { hash, bytes: size, etag };
}

/** Feeds a file's bytes into `hash` (the one re-read a restart costs). */
export async function hashFile(path: string, hash: Hash = createHash('sha256')): Promise<Hash> {
  for await (const chunk of createReadStream(path, { highWaterMark: BATCH_BYTES })) hash.update(chunk as Buffer);
  return hash;
}

/**
 * Sends one GET and hands back the streamed answer; statuses of 400 or more other than 416 are
 * raised as AppErrors by the opener (the API client's error mapping, for the Support API).
 */
export type OpenStream = (url: string, headers: Record<string, string>, signal: AbortSignal) => Promise<StreamResponse>;

export interface TransferOptions {
  open: OpenStream;
  url: string;
  headers?: Record<string, string>;
  partPath: string;
  part: PartState;
  /** The file's expected size: a server that sends more is stopped there, so it cannot fill the disk. */
  maxBytes: number;
  signal: AbortSignal;
  onBytes: (totalBytes: number) => void;
  /**
   * Called once the part file is ready for this response's bytes and before the first one is written:
   * the caller stores the validator then, so a process killed in the next second still resumes.
   */
  onValidator: (etag: string | null) => void;
}

/**
 * One HTTP attempt: asks for the rest of the file (Range + If-Range on the ETag we hold) and appends
 * to the part file, hashing each batch once it is on disk. A 200 (server ignored the range, or the
 * file changed and If-Range failed) restarts the part from zero. On any error the part file is cut
 * back to the bytes the hash covers, so a retry resumes from a consistent point.
 */
export async function transfer(options: TransferOptions): Promise<void> {
  const { part } = options;
  const headers: Record<string, string> = { ...options.headers };
  if (part.bytes > 0 && part.etag) {
    headers.Range = `bytes=${part.bytes}-`;
    headers['If-Range'] = part.etag;
  }
  const response = await options.open(options.url, headers, options.signal);
  if (response.status === 416) {
    await response.discard();
    const total = /^bytes \*\/(\d+)$/.exec(response.header('content-range') ?? '')?.[1];
    throw new RangeNotSatisfiableError('Range not satisfiable', total === undefined ? null : Number(total));
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.discard();
    throw new AppError('server', `The server answered ${response.status}.`);
  }
  if (!response.body) throw new AppError('server', 'The server sent an empty answer.');
  const etag = response.header('etag');
  if (response.status === 206) {
    const start = Number(/^bytes (\d+)-/.exec(response.header('content-range') ?? '')?.[1] ?? NaN);
    if (start !== part.bytes || !headers.Range) {
      await response.discard();
      throw new RangeNotSatisfiableError(`The server resumed at byte ${start}, not ${part.bytes}.`);
    }
  } else if (part.bytes > 0) {
    part.hash = createHash('sha256');
    part.bytes = 0;
  }
  part.etag = etag;

  // 'w' empties the file before the new validator is stored: a kill in between leaves an empty part
  // under the old ETag, never old bytes under the new one.
  const file = await open(options.partPath, part.bytes === 0 ? 'w' : 'r+');
  options.onValidator(etag);
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let position = part.bytes;
  let inflight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const chunks = batch;
    const size = batchBytes;
    batch = [];
    batchBytes = 0;
    await inflight;
    const at = position;
    position += size;
    const write = writeFully(file, chunks, size, at);
    // Hash a copy while the write is in flight; it becomes the part's hash only once the bytes are on
    // disk, so a failed write leaves hash and file in step without re-reading anything.
    const next = part.hash.copy();
    for (const chunk of chunks) next.update(chunk);
    inflight = write.then(() => {
      part.hash = next;
      part.bytes += size;
      options.onBytes(part.bytes);
    });
    // A failed write (a full disk) is raised by the next `await inflight`; until then the next chunk
    // is being read, and without a handler the process would report an unhandled rejection.
    inflight.catch(() => undefined); // not swallowed: the next `await inflight` raises it
  };
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      if (position + batchBytes + chunk.byteLength > options.maxBytes) throw new OversizeError(`The server sent more than the ${options.maxBytes} bytes this file should have.`);
      batch.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      batchBytes += chunk.byteLength;
      if (batchBytes >= BATCH_BYTES) await flush();
    }
    if (batchBytes > 0) await flush();
    await inflight;
  } finally {
    // Already raised by the `await inflight` above when the loop got that far; logged for the other exits.
    await inflight.catch(logFailure('downloads: a write to the part file failed', { partFile: options.partPath }, 'debug'));
    // Whatever happened, the file holds exactly the hashed bytes.
    await file.truncate(part.bytes).catch(logFailure('downloads: could not cut the part file back to its hashed bytes', { bytes: part.bytes }));
    await file.close();
  }
}

/**
 * writev, and the rest when the kernel wrote only part of it (a disk that fills up mid-batch returns a
 * short count before it returns ENOSPC): the batch is on disk whole, or this rejects with the error.
 * Counting a short write as whole would leave a hole the hash claims to cover.
 */
async function writeFully(file: FileHandle, chunks: Buffer[], size: number, position: number): Promise<void> {
  const written = (await file.writev(chunks, position)).bytesWritten;
  if (written === size) return;
  const rest = Buffer.concat(chunks).subarray(written);
  for (let offset = 0; offset < rest.length; ) {
    const { bytesWritten } = await file.write(rest, offset, rest.length - offset, position + written + offset);
    if (bytesWritten === 0) throw Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}
