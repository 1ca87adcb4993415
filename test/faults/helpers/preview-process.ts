import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { EventName, MethodName } from '../../../shared/channels';
import type { Result } from '../../../shared/errors';
import { fakeBrowser } from '../../fakes/fake-browser';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export type PreviewProcess = {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output: () => string;
  /** Resolves with the exit code (null: killed by a signal) once the process ends. */
  exited: Promise<number | null>;
  alive: () => boolean;
  stop: () => Promise<void>;
};

/**
 * `npm run preview`'s server (main/preview/cli.ts) as its own process on a data folder: the same
 * entry point a person starts, with the embedded reference API unless `apiUrl` is given. Resolves once
 * it printed its URL, rejects with its output when it exits first.
 */
export function startPreviewProcess(dataDir: string, options: { apiUrl?: string } = {}): Promise<PreviewProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/preview/cli.ts'], {
    cwd: root,
    env: { ...process.env, PREVIEW_DATA_DIR: dataDir, PREVIEW_PORT: '0', ...(options.apiUrl ? { SUPPORT_API_URL: options.apiUrl } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let running = true;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => ((running = false), resolve(code))));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (!match) return;
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: match[1]!,
        output: () => output,
        exited,
        alive: () => running,
        stop: async () => {
          if (running) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`The preview exited (${code}) before it answered:\n${output}`)));
  });
}

export type BridgeClient = {
  call<T = unknown>(method: MethodName, input?: unknown): Promise<Result<T>>;
  /** Resolves with the next payload of `event` that `accept` takes. */
  next<T = unknown>(event: EventName, accept?: (payload: T) => boolean): Promise<T>;
  close(): void;
};

/** Talks to the preview's bridge the way the page does: the WebSocket with the page's token and Origin. */
export async function connectBridge(previewUrl: string): Promise<BridgeClient> {
  const url = new URL(previewUrl);
  const ws = new WebSocket(`ws://${url.host}/bridge?token=${url.searchParams.get('token')}`, { origin: url.origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const waiters: { event: string; accept: (payload: unknown) => boolean; resolve: (payload: unknown) => void }[] = [];
  let nextId = 1;
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
    if (typeof message.id === 'number') pending.get(message.id)?.(message.result!);
    for (const waiter of [...waiters]) {
      if (waiter.event === message.event && waiter.accept(message.payload)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message.payload);
      }
    }
  });
  return {
    call: <T>(method: MethodName, input?: unknown) =>
      new Promise<Result<T>>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (result: Result<unknown>) => void);
        ws.send(JSON.stringify({ id, method, input }));
      }),
    next: <T>(event: EventName, accept: (payload: T) => boolean = () => true) =>
      new Promise<T>((resolve) => waiters.push({ event, accept: accept as (payload: unknown) => boolean, resolve: resolve as (payload: unknown) => void })),
    close: () => ws.close(),
  };
}

/** Signs in through the bridge as a person does: the app names the sign-in page, a browser fills it in. */
export async function signIn(preview: PreviewProcess, bridge: BridgeClient, account: { email: string; password: string }): Promise<{ id: string }> {
  const signedIn = bridge.next<{ status: string; user?: { id: string } }>('session.onDidChange', (state) => state.status === 'signed-in');
  const started = await bridge.call<{ authorizeUrl: string }>('session.signIn');
  if (!started.ok) throw new Error(started.error.message);
  await fakeBrowser(account).open(started.value.authorizeUrl);
  return (await signedIn).user!;
}

/** The value of a successful call, or the test fails with the bridge's error. */
export async function value<T>(result: Promise<Result<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}
