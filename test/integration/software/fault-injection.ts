import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/**
 * Faults injected into the real server's software routes through Fastify hooks: the routes, the
 * files on disk and the HTTP stack stay real; only what a hostile network or proxy would do is added.
 */
export interface Faults {
  /** Cut the connection after this many body bytes of the next download response. */
  dropAfter: number | null;
  /** Send this many bytes of the next download response, then hold the connection open. */
  stallAfter: number | null;
  /** Forget the Range header of the next download request (the server then answers 200). */
  ignoreRangeOnce: boolean;
  /** Answer 416 to the next ranged download request. */
  answer416Once: boolean;
  /** Answer this status (with an error body) to the next ranged download request (a retry that resumes). */
  refuseNextRangeWith: number | null;
  /** Flip one character of the next manifest signature. */
  breakSignature: boolean;
  /** Range and If-Range headers of every download request, and the status answered. */
  log: { range: string | undefined; ifRange: string | undefined; status?: number }[];
}

/** `downloads` picks the routes whose answers are cut: software files unless told otherwise (e.g. privacy exports). */
export function injectFaults(app: FastifyInstance, downloads = /^\/software\/files\/[^/]+\/download/): Faults {
  const faults: Faults = { dropAfter: null, stallAfter: null, ignoreRangeOnce: false, answer416Once: false, refuseNextRangeWith: null, breakSignature: false, log: [] };
  const isDownload = (url: string) => downloads.test(url);

  app.addHook('onRequest', async (request, reply) => {
    if (!isDownload(request.url)) return;
    faults.log.push({ range: request.headers.range, ifRange: request.headers['if-range'] as string | undefined });
    if (faults.ignoreRangeOnce && request.headers.range) {
      faults.ignoreRangeOnce = false;
      delete request.headers.range;
    }
    if (faults.refuseNextRangeWith !== null && request.headers.range) {
      const status = faults.refuseNextRangeWith;
      faults.refuseNextRangeWith = null;
      return reply.code(status).send({ code: 'forbidden', message: 'Refused by the fault injector.' });
    }
    if (faults.answer416Once && request.headers.range) {
      faults.answer416Once = false;
      return reply.code(416).send();
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (isDownload(request.url)) faults.log.at(-1)!.status = reply.statusCode;
    if (request.url.endsWith('/manifest') && faults.breakSignature && typeof payload === 'string') {
      faults.breakSignature = false;
      const body = JSON.parse(payload) as { signature: string };
      const first = body.signature[0] === 'A' ? 'B' : 'A';
      return JSON.stringify({ ...body, signature: first + body.signature.slice(1) });
    }
    if (!isDownload(request.url) || !payload || typeof (payload as Readable).pipe !== 'function') return payload;
    const limit = faults.dropAfter ?? faults.stallAfter;
    if (limit === null) return payload;
    const stall = faults.stallAfter !== null;
    faults.dropAfter = null;
    faults.stallAfter = null;
    let sent = 0;
    const cut = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (sent >= limit) return stall ? undefined : done();
        const part = chunk.subarray(0, limit - sent);
        sent += part.length;
        this.push(part);
        if (sent < limit) return done();
        if (stall) return; // never call done: the response hangs like a stuck proxy
        // Like a proxy cutting the connection mid-file.
        setImmediate(() => request.raw.socket.destroy());
        done();
      },
    });
    return (payload as Readable).pipe(cut);
  });
  return faults;
}
