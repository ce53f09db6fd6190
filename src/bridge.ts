/**
 * The callback/promise bridge, written once (docs/behaviour.md#callbacks-and-promises), and the rule for user code that throws.
 */
import { unreadable, type BusinessError } from './errors.js';

type AnyCallback<T> = (err: BusinessError | undefined, data?: T) => void;

declare const reportError: ((e: unknown) => void) | undefined;

/**
 * Surfaces an exception thrown by user code as the platform's ordinary uncaught error, outside our
 * call stack, so it neither corrupts our state nor stops later events (docs/behaviour.md#callbacks-and-promises).
 */
export function reportUserError(e: unknown): void {
  if (typeof reportError === 'function') reportError(e);
  else queueMicrotask(() => { throw e; });
}

/** Invokes a user function; a throw is reported, never propagated into the library. */
export function invokeUser<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
  try {
    fn(...args);
  } catch (e) {
    reportUserError(e);
  }
}

/** Marks a queued error delivery: the callback gets `(err)` alone, as HarmonyOS calls it. */
const NO_VALUE = {};
/** Callbacks due, three slots each (callback, error, value): run together in one microtask. */
let due: unknown[] = [];

function runDue(): void {
  const q = due;
  due = [];
  for (let i = 0; i < q.length; i += 3) {
    if (q[i + 2] === NO_VALUE) invokeUser(q[i] as AnyCallback<unknown>, q[i + 1] as BusinessError);
    else invokeUser(q[i] as AnyCallback<unknown>, undefined, q[i + 2]);
  }
}

/** Promise jobs are V8's own microtasks: no call out to the host and back, as `queueMicrotask` makes in Blink. */
const settled = Promise.resolve();
/** How many transport events are being delivered right now (see `beginDelivery`). */
let delivering = 0;

/**
 * Queues a callback: for the end of the transport event being delivered, or else for the next
 * microtask. Either way it runs after the call that queued it has returned, with every other callback
 * due, in order, rather than one microtask and one closure per call (docs/behaviour.md#callbacks-and-promises;
 * a microtask per callback-form `send` was the wrapper's largest cost in Chromium, docs/bench.md).
 */
const later = (cb: AnyCallback<unknown>, err: BusinessError | undefined, value: unknown): void => {
  due.length || delivering || settled.then(runDue);
  due.push(cb, err, value);
};

/**
 * Brackets the delivery of one transport event: callbacks its listeners queue (a reply `send` from a
 * `message` listener) run at `endDelivery`, as soon as the listeners have returned, in the same task —
 * an echo or request/reply loop then runs no microtask per message, as raw `WebSocket` code runs none.
 */
export const beginDelivery = (): void => {
  delivering++;
};

export function endDelivery(): void {
  if (--delivering === 0 && due.length) runDue();
}

/** What a successful step with the shared `TRUE` result resolves to: one settled promise for all. */
let resolvedTrue: Promise<boolean> | undefined;

/**
 * The shared fulfilled promise. Its `.catch(f)` can never call `f`, so it returns the promise itself
 * rather than a new one plus a reaction job: `send(...).catch(() => {})`, the form every send an
 * application does not await takes, then queues no microtask per message (≈ 2–4 % of a server echo's
 * CPU under load, docs/bench.md). Frozen, so that no caller can change it for the others.
 */
function sharedTrue(): Promise<boolean> {
  const shared = Promise.resolve(true);
  const nativeCatch = shared.catch;
  Object.defineProperty(shared, 'catch', {
    value: function (this: unknown, onRejected?: unknown) {
      return this === shared ? shared : nativeCatch.call(this as Promise<boolean>, onRejected as never);
    },
  });
  return Object.freeze(shared);
}

/** An outcome as the Promise a call without a callback returns. */
export function toPromise<T>(outcome: Result<T> | Promise<T>): Promise<T> {
  if (outcome instanceof Promise) return outcome;
  // A settled promise can be shared: every `then` on it sees `true`; `send` allocates none.
  if (outcome === (TRUE as unknown)) return (resolvedTrue ??= sharedTrue()) as Promise<T>;
  return outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error);
}

/**
 * Delivers an outcome HarmonyOS-style: to `callback` as `(undefined, value)` or `(err)` — always
 * asynchronously and outside any promise chain, so a throwing callback is an ordinary uncaught error,
 * never an unhandled rejection — or, with no callback, as a Promise (returned).
 */
export function settle<T>(callback: unknown, outcome: Result<T> | Promise<T>): Promise<T> | undefined {
  if (typeof callback !== 'function') return toPromise(outcome);
  const cb = callback as AnyCallback<unknown>;
  if (outcome instanceof Promise) outcome.then((v) => later(cb, undefined, v), (e: BusinessError) => later(cb, e, NO_VALUE));
  else if (outcome.ok) later(cb, undefined, outcome.value);
  else later(cb, outcome.error, NO_VALUE);
  return undefined;
}

/** Outcome of a synchronous step: either a value or an error, without throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: BusinessError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/**
 * Runs an operation's synchronous step so that nothing escapes it: whatever the caller's values
 * throw when read (getters, Proxy traps, revoked Proxies) becomes a 401 for the callback or promise.
 */
export function guard<T>(step: () => Result<T> | Promise<T>): Result<T> | Promise<T> {
  try {
    return step();
  } catch (e) {
    return { ok: false, error: unreadable(e) };
  }
}
export const fail = <T = never>(error: BusinessError): Result<T> => ({ ok: false, error });

/** The shared success result: `send` is hot, so success allocates nothing. */
export const TRUE: Result<boolean> = ok(true);
