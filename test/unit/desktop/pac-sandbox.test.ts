import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluatePac } from '../../../main/services/desktop/pac-evaluator';

/**
 * PAC scripts come from a URL the user (or a WPAD answer on the network) points the app at, so the
 * preview's evaluator must treat them as hostile. These scripts try the known ways out of a
 * node:vm context; each records in the host's environment if it got out, so a test fails on the
 * escape itself, not on a `typeof`.
 */
const ESCAPE_MARK = 'PAC_SANDBOX_ESCAPE';

// The audit's escape: a function the host handed to the context carries the host's Function constructor.
const HOST_FUNCTION_ESCAPE = `function FindProxyForURL(url, host) {
  var F = __isIp.constructor;
  var reach = F('return process');
  var p = reach();
  p.env.${ESCAPE_MARK} = 'audit';
  return 'ESCAPED';
}`;

// Every global function, its constructor, its constructor's constructor and its prototype's constructor.
const EVERY_FUNCTION_ESCAPE = `function FindProxyForURL(url, host) {
  var names = Object.getOwnPropertyNames(globalThis);
  var reached = [];
  for (var i = 0; i < names.length; i++) {
    var value;
    try { value = globalThis[names[i]]; } catch (e) { continue; }
    if (typeof value !== 'function') continue;
    var ctors = [value.constructor, value.constructor && value.constructor.constructor, Object.getPrototypeOf(value).constructor];
    for (var j = 0; j < ctors.length; j++) {
      try {
        var make = ctors[j];
        var reach = make('return (typeof process === "object" && process) || (typeof require === "function" && require("process")) || null');
        var p = reach();
        if (p) { p.env.${ESCAPE_MARK} = names[i]; reached.push(names[i]); }
      } catch (e) {}
    }
  }
  return reached.length ? 'ESCAPED ' + reached.join(',') : 'DIRECT';
}`;

// V8's structured stack traces hand out call sites whose getThis() can be a host object.
const STACK_TRACE_ESCAPE = `function FindProxyForURL(url, host) {
  var found = null;
  Error.prepareStackTrace = function (error, frames) {
    for (var i = 0; i < frames.length; i++) {
      var self = frames[i].getThis && frames[i].getThis();
      if (self && self.process) found = self.process;
    }
    return '';
  };
  try { dnsDomainIs(null, null); } catch (e) { String(e.stack); }
  try { shExpMatch(); } catch (e) { String(e.stack); }
  if (found) { found.env.${ESCAPE_MARK} = 'stack'; return 'ESCAPED'; }
  return 'DIRECT';
}`;

// Wrapped so that the evaluator from before the fix (synchronous) and after (asynchronous) fail the same way.
async function run(script: string, url: string, timeoutMs?: number): Promise<string> {
  return evaluatePac(script, url, timeoutMs);
}

async function failure(script: string, timeoutMs?: number): Promise<string> {
  try {
    return `returned ${await run(script, 'https://a.example/', timeoutMs)}`;
  } catch (error) {
    return (error as Error).message;
  }
}

afterEach(() => {
  delete process.env[ESCAPE_MARK];
});

describe('PAC scripts run in a sandbox, not in the app process', () => {
  it("cannot reach the host process through a helper's Function constructor (the audit's escape)", async () => {
    await failure(HOST_FUNCTION_ESCAPE);
    expect(process.env[ESCAPE_MARK]).toBeUndefined();
  });

  it('reaches no process or require through any global function, its constructors or its prototype', async () => {
    expect(await run(EVERY_FUNCTION_ESCAPE, 'https://a.example/')).toBe('DIRECT');
    expect(process.env[ESCAPE_MARK]).toBeUndefined();
  });

  it('reaches nothing of the host through stack-trace call sites', async () => {
    expect(await run(STACK_TRACE_ESCAPE, 'https://a.example/')).toBe('DIRECT');
    expect(process.env[ESCAPE_MARK]).toBeUndefined();
  });

  it('stops a script that never returns, with a clear error, and keeps answering afterwards', async () => {
    expect(await failure('function FindProxyForURL(){ for(;;){} }', 200)).toMatch(/timed out after 200 ms/);
    expect(await run('function FindProxyForURL(){ return "DIRECT"; }', 'https://a.example/')).toBe('DIRECT');
  });

  it('stops a script that allocates without end at a memory ceiling, long before its deadline', async () => {
    // Arrays of numbers: the allocation that the engine of quickjs-wasi 2.x did not count.
    expect(await failure('function FindProxyForURL(){ var a = []; for(;;) a.push(new Array(100000).fill(1)); }', 60_000)).toMatch(/out of memory/i);
    expect(await failure("function FindProxyForURL(){ var a = []; for(;;) a.push({ n: a.length, name: 'k' + a.length }); }", 60_000)).toMatch(/out of memory/i);
  });

  it('turns endless recursion and a non-string answer into errors', async () => {
    expect(await failure('function FindProxyForURL(){ function f(){ return f() + 1; } return f(); }')).toMatch(/stack/i);
    expect(await failure('function FindProxyForURL(){ return 42; }')).toMatch(/did not return a proxy list/);
  });
});

/**
 * A real PAC file (pacparser's example wpad.dat, Debian package libpacparser-dev) and a PAC file
 * using every helper, each answered the same as pacparser's `pactester` (Debian libpacparser1, an
 * independent evaluator on SpiderMonkey). .ci/run installs both; the test fails if they are missing.
 */
const WPAD_DAT = '/usr/share/doc/libpacparser-dev/examples/wpad.dat';

const everyHelperPac = (clientIp: string): string => `function FindProxyForURL(url, host) {
  if (isPlainHostName(host)) return 'DIRECT';
  if (localHostOrDomainIs(host, 'www.corp.example')) return 'PROXY www-proxy:1';
  if (dnsDomainIs(host, '.corp.example') && dnsDomainLevels(host) > 2) return 'PROXY deep-proxy:2';
  if (dnsDomainIs(host, '.corp.example')) return 'DIRECT';
  if (isResolvable(host) && isInNet(dnsResolve(host), '10.0.0.0', '255.0.0.0')) return 'PROXY ten:3';
  if (isInNet(host, '192.168.0.0', '255.255.0.0')) return 'DIRECT';
  if (shExpMatch(url, 'http://*.support.example/*')) return 'PROXY plain-http:4';
  if (shExpMatch(host, '*.support.example') && weekdayRange('SUN', 'SAT')) return 'PROXY a:8080; PROXY b:8080; DIRECT';
  if (isInNet(myIpAddress(), '${clientIp}', '255.255.255.255')) return 'PROXY from-this-machine:9';
  return 'DIRECT';
}`;

function pactester(pacFile: string, url: string, clientIp: string): string {
  return execFileSync('pactester', ['-p', pacFile, '-u', url, '-c', clientIp], { encoding: 'utf8' }).trim();
}

function machineIp(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const external = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (external) return external.address;
  }
  return '127.0.0.1';
}

describe('real PAC files still resolve as an independent evaluator answers them', () => {
  it('answers the Debian example wpad.dat and a PAC using every helper the way pactester does', { timeout: 60_000 }, async () => {
    if (!existsSync(WPAD_DAT)) throw new Error(`${WPAD_DAT} is missing: apt-get install libpacparser-dev libpacparser1.`);
    const dir = mkdtempSync(join(tmpdir(), 'pac-'));
    const everyHelper = join(dir, 'every-helper.pac');
    writeFileSync(everyHelper, everyHelperPac(machineIp()));

    const cases: [string, string][] = [
      [WPAD_DAT, 'http://intranet/'],
      [WPAD_DAT, 'http://docs.manugarg.com/page'],
      [WPAD_DAT, 'http://www.manugarg.com/'],
      [WPAD_DAT, 'https://example.org/'],
      [everyHelper, 'https://intranet/'],
      [everyHelper, 'https://www/'],
      [everyHelper, 'https://www.corp.example/'],
      [everyHelper, 'https://a.b.corp.example/'],
      [everyHelper, 'https://wiki.corp.example/'],
      [everyHelper, 'https://10.2.3.4/'],
      [everyHelper, 'https://192.168.7.7/'],
      [everyHelper, 'http://api.support.example/health'],
      [everyHelper, 'https://api.support.example/health'],
      [everyHelper, 'https://203.0.113.9/'],
    ];
    const { readFileSync } = await import('node:fs');
    for (const [file, url] of cases) {
      const ours = await run(readFileSync(file, 'utf8'), url, 10_000);
      expect({ url, answer: ours.replace(/;\s*/g, '; ') }).toEqual({ url, answer: pactester(file, url, machineIp()).replace(/;\s*/g, '; ') });
    }
  });
});
