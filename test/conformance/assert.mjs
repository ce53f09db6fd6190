// A tiny assertion module with no platform imports, so the conformance cases run unchanged under
// node:test, `deno test` and inside a Chromium page.
const show = (v) => {
  if (v instanceof ArrayBuffer) return `ArrayBuffer(${v.byteLength})[${[...new Uint8Array(v).slice(0, 16)]}]`;
  try { return JSON.stringify(v); } catch { return String(v); }
};

export class AssertionError extends Error {}

export function ok(value, message = `expected a truthy value, got ${show(value)}`) {
  if (!value) throw new AssertionError(message);
}

export function equal(actual, expected, message) {
  if (!Object.is(actual, expected)) throw new AssertionError(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

function same(a, b) {
  if (Object.is(a, b)) return true;
  if (a instanceof ArrayBuffer && b instanceof ArrayBuffer) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a), y = new Uint8Array(b);
    return x.every((v, i) => v === y[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
}

export function deepEqual(actual, expected, message) {
  if (!same(actual, expected)) throw new AssertionError(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

/** Asserts `promise` rejects with a BusinessError of `code`; returns the error. */
export async function rejectsWith(promise, code, message) {
  try {
    await promise;
  } catch (e) {
    equal(e?.code, code, message ?? `expected error code ${code}, got ${show(e?.code)} (${e?.message})`);
    return e;
  }
  throw new AssertionError(message ?? `expected a rejection with code ${code}, but it resolved`);
}

/** Asserts `fn` throws synchronously a BusinessError of `code`. */
export function throwsWith(fn, code) {
  try {
    fn();
  } catch (e) {
    equal(e?.code, code, `expected a throw with code ${code}, got ${show(e?.code)}`);
    return e;
  }
  throw new AssertionError(`expected a throw with code ${code}`);
}
