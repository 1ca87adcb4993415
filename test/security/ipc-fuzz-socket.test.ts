import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/bridge/registrar';
import { METHOD_NAMES, type MethodName } from '../../shared/channels';
import { methods } from '../../shared/contract';
import { AppErrorSchema } from '../../shared/errors';
import { recordingHandlers } from '../fakes/fake-services';
import { connectPreviewSocket, type SocketClient } from './ipc-fuzz/preview-socket';

// The preview's bridge socket is the other transport into the same dispatcher: garbage frames must
// not take the server down, and every call must still get a typed answer.
const root = mkdtempSync(join(tmpdir(), 'preview-fuzz-'));
const { handlers, calls } = recordingHandlers();
let client: SocketClient;
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  let origin = '';
  client = await connectPreviewSocket(root, createDispatcher({ handlers, isTrustedOrigin: (url) => url.startsWith(origin) }));
  origin = client.server.origin;
});
afterAll(async () => {
  await client.close();
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  rmSync(root, { recursive: true, force: true });
});

describe('IPC fuzzing over the browser preview socket', () => {
  it('ignores frames that are not calls (JSON scalars, null, arrays, binary, broken JSON) and keeps serving', async () => {
    const frames = fc.oneof(
      fc.constantFrom('null', 'true', '0', '"x"', '[]', '[{"id":1}]', '{', '', '{"id":"1","method":"app.info"}', '{"id":null}', '{"__proto__":{"id":1}}'),
      fc.json(),
      fc.string(),
      fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
    );
    client.sendRaw('{"id":-1,"method":{"toString":1}}'); // once crashed the dispatcher (String() on it threw)
    fc.assert(fc.property(frames, (frame) => void client.sendRaw(frame)), { numRuns: 1_000 });
    expect(await client.call('app.info', undefined)).toEqual({ ok: true, value: undefined });
    expect(crashes).toEqual([]);
  });

  it('answers every well-framed call with a typed result, and reaches a service only with input its schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...METHOD_NAMES), fc.string()), fc.jsonValue(), async (method, input) => {
        const before = calls.length;
        const result = (await client.call(method, input)) as { ok: boolean; error?: unknown };
        if (!result.ok) expect(AppErrorSchema.safeParse(result.error).success).toBe(true);
        if (calls.length > before) expect(methods[method as MethodName].input.safeParse(input).success).toBe(true);
        else expect(result.ok).toBe(false);
      }),
      { numRuns: 1_000 },
    );
    expect(crashes).toEqual([]);
  });
});
