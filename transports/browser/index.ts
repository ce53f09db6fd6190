/**
 * The browser transport: the standard global `WebSocket` (WHATWG), with `binaryType = 'arraybuffer'`.
 * It is also the `default` exports condition, so it must run wherever a standard `WebSocket` exists
 * (browsers, workers, Bun, Node ≥ 22, Deno) and may touch no Node or Deno API.
 *
 * A standard `WebSocket` hides the handshake (no request headers, no response headers, no status of a
 * refused upgrade), sends only close codes 1000 and 3000–4999, and has no ping API: the capabilities
 * below say exactly that, and the core answers every option that needs more with 801 (docs/behaviour.md#unsupported-options-801).
 *
 * This is also the smallest complete example of the transport contract (`src/transport.ts`).
 *
 * @example
 * import { webSocket } from 'ohos-websocket';
 * import { browserTransport } from 'ohos-websocket/transports/browser';
 * // e.g. on Node ≥ 22 or Bun, to use the built-in WebSocket instead of `ws`:
 * const ws = webSocket.createWebSocket({ transport: browserTransport });
 *
 * @module ohos-websocket/transports/browser
 */
import { CAN_DO_NOTHING, failedAttempt, type Capabilities, type ClientRequest, type ClientSocket, type ClientSocketEvents, type Transport } from '../../src/transport.js';

/**
 * What a standard `WebSocket` can do (docs/behaviour.md#transports-and-capabilities, browser column).
 *
 * @example
 * browserCapabilities.headers; // false: a header option fails with 801
 */
export const browserCapabilities: Capabilities = Object.freeze({ ...CAN_DO_NOTHING, name: 'browser' });

/**
 * The standard `WebSocket` class of this realm, if there is one.
 *
 * @example
 * if (!platformWebSocket()) console.log('no WebSocket here: pick another transport');
 */
export const platformWebSocket = (): typeof WebSocket | undefined => (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;

/**
 * Opens a `WS` socket and reports its life through `events`; never throws. `WS` was taken when the
 * transport was created: code that later replaces `globalThis.WebSocket` — a W3C `WebSocket`
 * polyfill written over this API — must not be what we construct, or it would call back into us
 * for ever (docs/behaviour.md).
 *
 * @example
 * const myTransport = { capabilities: browserCapabilities, connect: (request, events) => connectBrowser(request, events) };
 */
export function connectBrowser(request: ClientRequest, events: ClientSocketEvents, WS: typeof WebSocket | undefined = platformWebSocket()): ClientSocket {
  let ws: WebSocket;
  try {
    if (typeof WS !== 'function') throw new Error('this runtime has no global WebSocket');
    ws = new WS(request.url, request.protocols as string[]);
  } catch (e) {
    // Constructor throws (SyntaxError, SecurityError) are handshake failures with no HTTP reply.
    return failedAttempt(events, (e as Error)?.message);
  }
  ws.binaryType = 'arraybuffer';
  let opened = false;
  let done = false;
  const finish = () => {
    done = true;
    ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
  };
  ws.onopen = () => {
    opened = true;
    // The 101 itself is hidden; reaching `open` proves it was a 101.
    events.open({ status: 101, protocol: ws.protocol });
  };
  ws.onmessage = (e: MessageEvent) => events.message(e.data);
  // Before open, `error` is the failed handshake (it carries no detail in a standard WebSocket).
  // Browsers follow it with `close`, but some runtimes (Node 20's undici) never do: report it now.
  // After open, the `close` that follows tells how the link ended.
  ws.onerror = () => {
    if (opened || done) return;
    finish();
    events.fail(0, 'the handshake failed');
  };
  ws.onclose = (e: CloseEvent) => {
    if (done) return;
    finish();
    if (!opened) events.fail(0, `the handshake failed (close code ${e.code})`);
    // The standard reports a link that ended without a close frame as 1006, as the contract does
    // (runtimes that say 0 instead count as no frame too); `wasClean` also covers the TCP shutdown
    // after the frame, which is not what the contract asks.
    else events.closed(e.code, e.reason);
  };
  const close = (code?: number, reason?: string) => {
    try {
      ws.close(code, reason);
    } catch {
      // The core only passes codes and reasons a standard WebSocket accepts; nothing else can throw.
    }
  };
  return {
    send: (data) => ws.send(data),
    close,
    // No way to drop a standard WebSocket without a handshake: close() is the closest. While
    // connecting it aborts the attempt (error + close 1006, reported as `fail`).
    terminate: () => close(),
  };
}

/**
 * A browser transport on `WebSocketClass` — by default the global `WebSocket` as it is now, taken
 * once: replacing `globalThis.WebSocket` afterwards does not change what this transport opens.
 *
 * @example
 * // a transport on a WebSocket class of your choice (e.g. one captured before a polyfill loads)
 * const transport = createBrowserTransport(NativeWebSocket);
 * const ws = webSocket.createWebSocket({ transport });
 */
export function createBrowserTransport(WebSocketClass: typeof WebSocket | undefined = platformWebSocket()): Transport {
  return {
    capabilities: browserCapabilities,
    connect: (request, events) => connectBrowser(request, events, WebSocketClass),
  };
}

/**
 * The browser (and `default` condition) transport, on the global `WebSocket` as it was when this
 * module loaded.
 *
 * @example
 * webSocket.setTransport(browserTransport); // make the global WebSocket the default everywhere
 */
export const browserTransport: Transport = createBrowserTransport();

export default browserTransport;
