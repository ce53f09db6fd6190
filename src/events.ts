/**
 * The one-listener event registry (SPEC §2.7, §3): `on` replaces the listener of its type, `off(type)`
 * removes it, `off(type, fn)` only when `fn` is the registered one. Static-ArkTS aliases share the
 * slot of the event they name but take a different argument shape, so a slot stores the user's
 * function together with an adapter.
 */
import EventEmitter from 'eventemitter3';
import { reportUserError } from './bridge.js';
import { paramError } from './errors.js';

type Fn = (...args: any[]) => unknown;

export class Registry<Types extends string> {
  /** eventemitter3 holds the dispatch functions; with one listener per type `emit` is a direct call. */
  private readonly ee = new EventEmitter();
  /**
   * The user's function per type, for `off(type, fn)` (aliases register an adapter instead). A plain
   * object holding known names only: `Object.create(null)` starts in dictionary mode, about 0.4 KB
   * per idle connection (bench/).
   */
  private readonly users: Record<string, Fn | undefined> = {};

  constructor(private readonly types: ReadonlySet<string>) {}

  /** `on(type, fn)`; `adapt` turns the user's function into the dispatch shape (aliases). */
  on(type: unknown, fn: unknown, adapt?: (user: Fn) => Fn): void {
    if (typeof type !== 'string') throw paramError(`on() takes an event name string, got ${typeof type}`);
    if (typeof fn !== 'function') throw paramError(`on('${type}') takes a callback function, got ${typeof fn}`);
    if (!this.types.has(type)) return; // unknown names are ignored, as on HarmonyOS
    this.ee.removeAllListeners(type);
    this.ee.on(type, adapt ? adapt(fn as Fn) : (fn as Fn));
    this.users[type] = fn as Fn;
  }

  /** `off(type, fn?)`. */
  off(type: unknown, fn?: unknown): void {
    if (typeof type !== 'string') throw paramError(`off() takes an event name string, got ${typeof type}`);
    if (fn !== undefined && fn !== null && typeof fn !== 'function') {
      throw paramError(`off('${type}') takes a callback function or nothing, got ${typeof fn}`);
    }
    if (!this.types.has(type)) return; // nothing is ever registered under an unknown name
    if (fn == null || this.users[type] === fn) {
      this.ee.removeAllListeners(type);
      this.users[type] = undefined;
    }
  }

  /** Whether a listener is registered for `type`. */
  has(type: Types): boolean {
    return this.ee.listenerCount(type) > 0;
  }

  /**
   * Calls the listener of `type`, if any, with exactly the arguments given (an `ErrorCallback` gets
   * one argument, `dataEnd` none); a throwing listener is reported, never propagated.
   */
  emit(type: Types, a?: unknown, b?: unknown): void {
    try {
      const n = arguments.length;
      if (n === 3) this.ee.emit(type, a, b);
      else if (n === 2) this.ee.emit(type, a);
      else this.ee.emit(type);
    } catch (e) {
      reportUserError(e);
    }
  }
}

/** Adapter for the one-argument static aliases of `(err, data)` events: passes `data` only. */
export const dataOnly = (user: Fn): Fn => (_err: unknown, data: unknown) => user(data);
