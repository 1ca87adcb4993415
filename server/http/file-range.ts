import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';

const RANGE = /^bytes=(\d+)-(\d*)$/;

/**
 * Streams a file from disk with a strong ETag, single byte ranges (RFC 9110 14.2) and If-Range, so a
 * client resumes only the same file: a Range with a stale If-Range gets the whole (new) file (13.1.5),
 * a range that starts past the end a 416 with the size. `etag` defaults to size, mtime and inode.
 */
export async function sendFileWithRanges(request: FastifyRequest, reply: FastifyReply, path: string, etag?: string): Promise<FastifyReply> {
  const info = await stat(path);
  const tag = etag ?? `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}-${info.ino.toString(16)}"`;
  reply.header('etag', tag).header('accept-ranges', 'bytes');
  const range = RANGE.exec(request.headers.range ?? '');
  const ifRange = request.headers['if-range'];
  if (range && (ifRange === undefined || ifRange === tag)) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    if (start >= info.size || end < start) return reply.code(416).header('content-range', `bytes */${info.size}`).send();
    reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`).header('content-length', end - start + 1);
    return reply.send(createReadStream(path, { start, end, highWaterMark: 1024 * 1024 }));
  }
  reply.code(200).header('content-length', info.size);
  return reply.send(createReadStream(path, { highWaterMark: 1024 * 1024 }));
}
