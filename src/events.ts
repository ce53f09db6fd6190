/**
 * The one-listener event registry (docs/behaviour.md#client-events, §3) on eventemitter3: `on` replaces the listener of its
 * type, `off(type)` removes it, `off(type, fn)` only when `fn` is the registered one. Static-ArkTS
 * aliases share the slot of the event they name but take a different argument shape: they register
 * an adapter that remembers the user's function, so `off(type, fn)` still recognises it.
 *
 * With one listener per type, eventemitter3 stores a single `{fn, context, once}` per type and its
 * `emit` is a direct call with the exact arity given (an `ErrorCallback` gets one argument, `dataEnd`
 * none). bench/ measures what this costs against a bare slot object (docs/bench.md).
 */
import EventEmitter from 'eventemitter3';
import { reportUserError } from './bridge.js';
import { mustBe, thrownParamError } from './errors.js';

type Fn = ((...args: any[]) => unknown) & { user?: Fn };

export class Registry<Types extends string> extends EventEmitter<string> {
  constructor(private readonly types: ReadonlySet<string>) {
    super();
  }

  /** `on(type, fn)`; `adapt` turns the user's function into the dispatch shape (aliases). */
  override on(type: unknown, fn: unknown, adapt?: (user: Fn) => Fn): this {
    if (typeof type !== 'string') throw thrownParamError(mustBe('the on() event name', 'a string', type));
    if (typeof fn !== 'function') throw thrownParamError(mustBe(`the on('${type}') callback`, 'a function', fn));
    if (!this.types.has(type)) return this; // unknown names are ignored, as on HarmonyOS
    let listener = fn as Fn;
    if (adapt) {
      listener = adapt(fn as Fn);
      listener.user = fn as Fn;
    }
    this.removeAllListeners(type);
    return super.on(type, listener);
  }

  /** `off(type, fn?)`. */
  override off(type: unknown, fn?: unknown): this {
    if (typeof type !== 'string') throw thrownParamError(mustBe('the off() event name', 'a string', type));
    if (fn != null && typeof fn !== 'function') throw thrownParamError(mustBe(`the off('${type}') callback`, 'a function or nothing', fn));
    const current = this.listeners(type)[0] as Fn | undefined;
    if (current && (fn == null || current === fn || current.user === fn)) this.removeAllListeners(type);
    return this;
  }

  /** Whether a listener is registered for `type`. */
  has(type: Types): boolean {
    return this.listenerCount(type) > 0;
  }

  /**
   * Calls the listener of `type`, if any, with exactly the arguments given; a throwing listener is
   * reported, never propagated. (Not an `emit` override: no rest array on the message path.)
   */
  fire(type: Types, a?: unknown, b?: unknown): void {
    try {
      const n = arguments.length;
      if (n === 3) this.emit(type, a, b);
      else if (n === 2) this.emit(type, a);
      else this.emit(type);
    } catch (e) {
      reportUserError(e);
    }
  }
}

/**
 * The reason a `close` event reports for a link that ended without a close frame, or a close frame
 * without a reason (client and server alike, as natively).
 */
export const LINK_DOWN = 'The link is down';

/** Adapter for the one-argument static aliases of `(err, data)` events: passes `data` only. */
export const dataOnly = (user: Fn): Fn => (_err: unknown, data: unknown) => user(data);
