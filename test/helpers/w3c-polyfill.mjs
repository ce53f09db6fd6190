// A W3C `WebSocket` written over the HarmonyOS API, as polyfills for OpenHarmony do (they install it
// as `globalThis.WebSocket` so web code runs on HarmonyOS). Sharing code with such a polyfill means
// our transports must never construct the global `WebSocket` as it is at connect time: this one
// would call back into us for ever (issue 10, point 4). Portable: runs in Chromium and Deno.

/** Builds the polyfill class over `webSocket` (the HarmonyOS namespace). */
export function polyfillOver(webSocket) {
  return class PolyfillWebSocket extends EventTarget {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    constructor(url, protocols) {
      super();
      this.url = url;
      this.readyState = 0;
      this.binaryType = 'arraybuffer';
      this.ws = webSocket.createWebSocket();
      this.ws.on('open', () => {
        this.readyState = 1;
        this.dispatchEvent(new Event('open'));
      });
      this.ws.on('message', (_err, data) => this.dispatchEvent(new MessageEvent('message', { data })));
      this.ws.on('error', () => this.dispatchEvent(new Event('error')));
      this.ws.on('close', (_err, r) => {
        this.readyState = 3;
        this.dispatchEvent(Object.assign(new Event('close'), { code: r.code, reason: r.reason }));
      });
      const options = protocols ? { protocol: [].concat(protocols).join(', ') } : {};
      this.ws.connect(url, options).catch(() => this.dispatchEvent(new Event('error')));
    }
    send(data) {
      this.ws.send(data);
    }
    close(code, reason) {
      this.readyState = 2;
      this.ws.close({ code, reason });
    }
  };
}

/**
 * Creates one of our sockets, then installs the polyfill as `globalThis.WebSocket` and round-trips
 * a message through it (and so through us) to the echo peer at `url`. Restores the global after.
 * Resolves with what happened, in order.
 */
export async function polyfillRoundTrip(webSocket, url) {
  const log = [];
  const before = webSocket.createWebSocket(); // sockets exist before the polyfill is installed
  const native = globalThis.WebSocket;
  globalThis.WebSocket = polyfillOver(webSocket);
  try {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no echo within 10 s')), 10000);
      ws.addEventListener('open', () => {
        log.push('open');
        ws.send('through the polyfill');
      });
      ws.addEventListener('message', (e) => {
        log.push(['message', e.data]);
        ws.close(1000, 'done');
      });
      ws.addEventListener('error', () => log.push('error'));
      ws.addEventListener('close', (e) => {
        log.push(['close', e.code]);
        clearTimeout(timer);
        resolve();
      });
    });
    // The socket created before the polyfill works too.
    const echoed = new Promise((resolve) => before.on('message', (_e, d) => resolve(d)));
    await before.connect(url);
    await new Promise((resolve) => before.on('open', resolve));
    await before.send('older socket');
    log.push(['older', await echoed]);
    await before.close();
  } catch (e) {
    log.push(['threw', String(e?.message ?? e)]);
  } finally {
    globalThis.WebSocket = native;
  }
  return log;
}

export const EXPECTED = ['open', ['message', 'through the polyfill'], ['close', 1000], ['older', 'older socket']];
