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
 */
import { CAN_DO_NOTHING, INERT_SOCKET, type Capabilities, type ClientRequest, type ClientSocket, type ClientSocketEvents, type Transport } from '../../src/transport.js';

/** What a standard `WebSocket` can do (docs/behaviour.md#transports-and-capabilities, browser column). */
export const browserCapabilities: Capabilities = Object.freeze({ ...CAN_DO_NOTHING, name: 'browser' });

/** Opens a standard `WebSocket` and reports its life through `events`; never throws. */
export function connectBrowser(request: ClientRequest, events: ClientSocketEvents): ClientSocket {
  const WS = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
  let ws: WebSocket;
  try {
    if (typeof WS !== 'function') throw new Error('this runtime has no global WebSocket');
    ws = new WS(request.url, request.protocols as string[]);
  } catch (e) {
    // Constructor throws (SyntaxError, SecurityError) are handshake failures with no HTTP reply.
    const detail = (e as Error)?.message;
    queueMicrotask(() => events.fail(0, detail));
    return INERT_SOCKET;
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
 * The browser (and `default` condition) transport.
 *
 * @example
 * webSocket.setTransport(browserTransport); // make the global WebSocket the default everywhere
 */
export const browserTransport: Transport = {
  capabilities: browserCapabilities,
  connect: connectBrowser,
};

export default browserTransport;
