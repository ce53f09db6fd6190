// Portable helpers for conformance cases (no platform imports).

/** Resolves with the first value an event listener receives; rejects after `ms`. */
export function once(ws, type, ms = 10000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for '${type}'`)), ms);
    ws.on(type, (err, value) => {
      clearTimeout(t);
      ws.off(type);
      resolve(type === 'error' ? err : type === 'dataEnd' ? undefined : type === 'headerReceive' ? err : value);
    });
  });
}

/** Collects events in order as [type, payload] pairs. */
export function record(ws, types = ['open', 'message', 'dataEnd', 'close', 'error']) {
  const log = [];
  for (const type of types) {
    ws.on(type, (a, b) => log.push([type, type === 'error' || type === 'headerReceive' ? a : type === 'dataEnd' ? undefined : b]));
  }
  return log;
}

/** Waits until `predicate()` is true, polling; rejects after `ms`. */
export async function until(predicate, ms = 10000, what = 'condition') {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const bytes = (...v) => new Uint8Array(v).buffer;
export const text = (buf) => new TextDecoder().decode(buf);
