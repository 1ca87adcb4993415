import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type SenderInfo } from '../../main/bridge/registrar';
import { METHOD_NAMES, type MethodName } from '../../shared/channels';
import { methods } from '../../shared/contract';
import { AppErrorSchema } from '../../shared/errors';
import { recordingHandlers } from '../fakes/fake-services';
import { candidateInputs } from './ipc-fuzz/malformed-inputs';

// Every bridge method, read at run time: methods other engineers add are fuzzed without a change here.
const METHODS: readonly MethodName[] = METHOD_NAMES;
const TOTAL_INPUTS = 10_000;
const RUNS_PER_METHOD = Math.ceil(TOTAL_INPUTS / METHODS.length);
const APP: SenderInfo = { url: 'app://bundle/index.html', isTopFrame: true };
const isTrustedOrigin = (url: string) => url.startsWith('app://bundle/');

const { handlers, calls } = recordingHandlers();
const dispatch = createDispatcher({ handlers, isTrustedOrigin });
let dispatched = 0;
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

beforeAll(() => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterAll(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

/** A refusal the renderer can show: the typed error shape, bounded in size whatever was sent. */
function expectTypedError(result: unknown, code: string): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
  const { error } = result as { error: unknown };
  expect(AppErrorSchema.safeParse(error).success).toBe(true);
  expect(JSON.stringify(error).length).toBeLessThan(4_096);
}

describe(`IPC fuzzing: at least ${TOTAL_INPUTS.toLocaleString('en')} malformed inputs over every bridge method`, () => {
  it.each(METHODS)('%s refuses every malformed input with a validation error and never reaches its service', async (method) => {
    const schema = methods[method].input;
    const malformed = candidateInputs(schema).filter((input) => !schema.safeParse(input).success);
    await fc.assert(
      fc.asyncProperty(malformed, async (input) => {
        const before = calls.length;
        dispatched++;
        expectTypedError(await dispatch(method, input, APP), 'validation');
        expect(calls.length).toBe(before);
      }),
      { numRuns: RUNS_PER_METHOD },
    );
  });

  it('refuses names that are not bridge methods, whatever their type', async () => {
    // Found by this test: naming the refused method used String(), which throws for this object.
    expectTypedError(await dispatch({ toString: 1 }, undefined, APP), 'unknown_channel');
    const known = new Set<unknown>(METHODS);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything({ maxDepth: 1 }), fc.constantFrom<unknown>(...METHODS.map((m) => `${m} `), ...METHODS.map((m) => m.toUpperCase()), '__proto__', 'constructor', { toString: 1 }, Object.create(null))).filter((m) => !known.has(m)), fc.anything({ maxDepth: 2 }), async (method, input) => {
        dispatched++;
        expectTypedError(await dispatch(method, input, APP), 'unknown_channel');
      }),
      { numRuns: 500 },
    );
    expect(calls).toEqual([]);
  });

  it('refuses every caller that is not the app’s own top-level page, before looking at the input', async () => {
    const foreignUrl = fc.oneof(fc.webUrl(), fc.constantFrom('', 'file:///index.html', 'app://bundle.evil/index.html', 'app://other/index.html', 'devtools://devtools/'));
    const sender = fc.oneof(
      fc.record({ url: foreignUrl, isTopFrame: fc.boolean() }),
      fc.record({ url: fc.constant(APP.url), isTopFrame: fc.constant(false) }), // an iframe inside the app
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), sender, fc.anything({ maxDepth: 2 }), async (method, from, input) => {
        dispatched++;
        expectTypedError(await dispatch(method, input, from), 'forbidden_sender');
      }),
      { numRuns: 500 },
    );
    expect(calls).toEqual([]);
  });

  it('stays up and keeps answering: no crash, no service call, and a valid call still works', async () => {
    expect(dispatched).toBeGreaterThanOrEqual(TOTAL_INPUTS);
    expect(crashes).toEqual([]);
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dispatch('app.info', undefined, APP)).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([{ method: 'app.info', input: undefined }]);
  });
});
