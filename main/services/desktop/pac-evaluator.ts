import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';

/**
 * Evaluates a PAC script outside Chromium (the browser preview and the tests; in the app, Chromium
 * evaluates PAC itself). The script runs in QuickJS compiled to WebAssembly, as proxy-agent does:
 * a separate JavaScript engine whose only way out is the PAC helper functions handed to it, so no
 * prototype chain or Function constructor can reach this process. node:vm was not a sandbox (its
 * host functions lead back to the host's Function, and from there to `process`).
 *
 * Each evaluation gets a fresh engine with a memory ceiling and a deadline: a PAC file that loops,
 * recurses or allocates without end fails with an error instead of hanging or exhausting the app.
 */
export const PAC_MEMORY_LIMIT_BYTES = 16 * 1024 * 1024;

// The node project's typings declare WebAssembly's types but not the global object itself.
const wasmCompiler = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;

let compiledEngine: Promise<WebAssembly.Module> | undefined;

/** Compiling the engine's WebAssembly once keeps each evaluation to a few milliseconds. */
function engineModule(): Promise<WebAssembly.Module> {
  compiledEngine ??= (async () => {
    // The package does not export its .wasm file; it sits one folder above its entry point.
    const entry = createRequire(import.meta.url).resolve('quickjs-wasi');
    return wasmCompiler.compile(await readFile(join(dirname(entry), '..', 'quickjs.wasm')));
  })();
  return compiledEngine;
}

/**
 * The machine's own address, from its interfaces. pac-resolver's default opens a socket to a public
 * DNS server to learn it; an enterprise client must not reach out to a third party to answer a PAC.
 */
function myIpAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const external = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (external) return external.address;
  }
  return '127.0.0.1';
}
myIpAddress.async = false;

export class PacError extends Error {}

export async function evaluatePac(script: string, url: string, timeoutMs = 1000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const vm = await QuickJS.create({
    wasm: await engineModule(),
    memoryLimit: PAC_MEMORY_LIMIT_BYTES,
    interruptHandler: () => Date.now() > deadline,
  });
  try {
    const findProxyForUrl = createPacResolver(vm, script, { sandbox: { myIpAddress } });
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const answer: unknown = await findProxyForUrl(url, host);
    if (typeof answer !== 'string') throw new PacError('The PAC script did not return a proxy list.');
    return answer;
  } catch (error) {
    if (error instanceof PacError) throw error;
    if (Date.now() > deadline) throw new PacError(`The PAC script timed out after ${timeoutMs} ms.`);
    throw new PacError(`The PAC script failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    vm.dispose();
  }
}
