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

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Connects `ws` and resolves once `open` fired (the `open` listener is left unregistered). */
export async function openSocket(ws, url, options) {
  const opened = once(ws, 'open');
  await (options === undefined ? ws.connect(url) : ws.connect(url, options));
  return opened;
}

/** Sends `command` to an echo peer and resolves with its text answer (uses the `message` slot). */
export async function ask(ws, command) {
  const answer = once(ws, 'message');
  await ws.send(command);
  return answer;
}

/** The URL of `url`'s server with the path replaced by `path` (which may carry a query). */
export function withPath(url, path) {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${path}`;
}

/**
 * Calls `start(callback)` and resolves with `{returned, args, sync}`: what the call returned, the
 * callback's arguments, and whether the callback ran before the call returned (it must not).
 */
export function viaCallback(start, ms = 10000) {
  return new Promise((resolve, reject) => {
    let returned = 'pending';
    let sync = false;
    const t = setTimeout(() => reject(new Error('the callback was never called')), ms);
    returned = start((...args) => {
      clearTimeout(t);
      if (returned === 'pending') sync = true;
      queueMicrotask(() => resolve({ returned, args, sync }));
    });
  });
}
