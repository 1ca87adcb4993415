import type { EventName, MethodName } from './channels';
import type { EventPayload, MethodInput, MethodOutput } from './contract';
import type { Result } from './errors';

type Domain<M extends string> = M extends `${infer D}.${string}` ? D : never;
type Verb<M extends string, D extends string> = M extends `${D}.${infer V}` ? V : never;

type Call<M extends MethodName> = undefined extends MethodInput<M>
  ? (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
  : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

/** window.support: `support.profile.update(patch)`, `support.on('session.onDidChange', cb)`. */
export type SupportBridge = {
  [D in Domain<MethodName>]: { [V in Verb<MethodName, D>]: Call<`${D}.${V}` & MethodName> };
} & {
  /** Subscribes to an event; the callback gets the payload only. Returns the unsubscribe function. */
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
};

/** The transport both the preload (IPC) and the preview shim (WebSocket) implement. */
export interface BridgeTransport {
  invoke(method: MethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}
