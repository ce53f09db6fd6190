/**
 * The one-listener event registry (SPEC §2.7, §3): `on` replaces the listener of its type, `off(type)`
 * removes it, `off(type, fn)` only when `fn` is the registered one. Static-ArkTS aliases share the
 * slot of the event they name but take a different argument shape, so a slot stores the user's
 * function together with an adapter.
 *
 * One listener per type needs no emitter library: a slot per type is a direct call on `emit`, and an
 * idle connection carries two small objects instead of an emitter with a wrapper per listener
 * (bench/: less memory per connection, a smaller script-tag file, less CPU per message).
 */
import { reportUserError } from './bridge.js';
import { thrownParamError } from './errors.js';

type Fn = (...args: any[]) => unknown;

export class Registry<Types extends string> {
  /** The function `emit` calls per type: the user's own, or its adapter for an alias. */
  private readonly slots: Record<string, Fn | undefined> = {};
  /**
   * The user's function per type, for `off(type, fn)`. Plain objects holding known names only:
   * `Object.create(null)` starts in dictionary mode, about 0.4 KB per idle connection (bench/).
   */
  private readonly users: Record<string, Fn | undefined> = {};

  constructor(private readonly types: ReadonlySet<string>) {}

  /** `on(type, fn)`; `adapt` turns the user's function into the dispatch shape (aliases). */
  on(type: unknown, fn: unknown, adapt?: (user: Fn) => Fn): void {
    if (typeof type !== 'string') throw thrownParamError(`on() takes an event name string, got ${typeof type}`);
    if (typeof fn !== 'function') throw thrownParamError(`on('${type}') takes a callback function, got ${typeof fn}`);
    if (!this.types.has(type)) return; // unknown names are ignored, as on HarmonyOS
    this.slots[type] = adapt ? adapt(fn as Fn) : (fn as Fn);
    this.users[type] = fn as Fn;
  }

  /** `off(type, fn?)`. */
  off(type: unknown, fn?: unknown): void {
    if (typeof type !== 'string') throw thrownParamError(`off() takes an event name string, got ${typeof type}`);
    if (fn !== undefined && fn !== null && typeof fn !== 'function') {
      throw thrownParamError(`off('${type}') takes a callback function or nothing, got ${typeof fn}`);
    }
    if (!this.types.has(type)) return; // nothing is ever registered under an unknown name
    if (fn == null || this.users[type] === fn) {
      this.slots[type] = undefined;
      this.users[type] = undefined;
    }
  }

  /** Whether a listener is registered for `type`. */
  has(type: Types): boolean {
    return this.slots[type] !== undefined;
  }

  /**
   * Calls the listener of `type`, if any, with exactly the arguments given (an `ErrorCallback` gets
   * one argument, `dataEnd` none); a throwing listener is reported, never propagated.
   */
  emit(type: Types, a?: unknown, b?: unknown): void {
    const fn = this.slots[type];
    if (fn === undefined) return;
    try {
      const n = arguments.length;
      if (n === 3) fn(a, b);
      else if (n === 2) fn(a);
      else fn();
    } catch (e) {
      reportUserError(e);
    }
  }
}

/** Adapter for the one-argument static aliases of `(err, data)` events: passes `data` only. */
export const dataOnly = (user: Fn): Fn => (_err: unknown, data: unknown) => user(data);
