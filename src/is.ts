/**
 * Small value checks shared by the core, written once (as ky's `is.ts`). Each one is safe on any
 * value a caller can pass — Proxies (revoked ones included), throwing getters, null-prototype
 * objects, BigInts, symbols — so argument checks never throw (docs/behaviour.md#argument-errors).
 */

/** A non-null object that is not an array. (`Array.isArray` throws on a revoked Proxy.) */
export function isObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  try {
    return !Array.isArray(v);
  } catch {
    return false;
  }
}

/** RFC 7230 token: what a header name or a subprotocol may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether `s` is an RFC 7230 token (non-empty). */
export const isToken = (s: string): boolean => TOKEN.test(s);

const byteLengthOf = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;

/**
 * The byte length of a real `ArrayBuffer` of any realm, else `undefined`. `ArrayBuffer.prototype`'s
 * own `byteLength` getter only works on one (a brand check), so look-alikes —
 * `Object.create(ArrayBuffer.prototype)`, a Proxy around an ArrayBuffer, a typed array re-prototyped
 * as one, a SharedArrayBuffer — are not, and a real one with a replaced prototype still is.
 */
export function arrayBufferLength(v: unknown): number | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  try {
    return byteLengthOf.call(v) as number;
  } catch {
    return undefined;
  }
}

/**
 * A short description of any value for an error's `cause` (`"text"`, `42`, `10n`, `null`,
 * `undefined`, `function`, `symbol`, `[object Uint8Array]`); never throws.
 */
export function show(v: unknown): string {
  const type = typeof v;
  if (type === 'string') return JSON.stringify((v as string).length > 64 ? `${(v as string).slice(0, 64)}…` : v);
  if (type === 'bigint') return `${v}n`;
  if (type === 'symbol' || type === 'function') return type;
  if (type !== 'object' || v === null) return String(v);
  try {
    return Object.prototype.toString.call(v);
  } catch {
    return 'a revoked Proxy';
  }
}

/** What a caught exception says, for a `cause`; never throws. */
export function thrownText(e: unknown): string {
  try {
    if (e instanceof Error) return `${e.name}: ${e.message}`;
  } catch {
    // a Proxy whose getPrototypeOf trap throws
  }
  return show(e);
}
