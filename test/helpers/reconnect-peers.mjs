// Peers for the reconnect tests, on 127.0.0.1 with random ports: a raw TCP server whose answer to
// each handshake is scripted per connection (refuse with an HTTP status, stay silent, accept), and a
// recorder for a reconnecting WebSocket's events.
import { answer101, startRawServer } from './raw-peers.mjs';

/**
 * A server that answers the n-th handshake (0-based) with `script[n]` (the last entry repeats):
 *   a number  → that HTTP status, then the connection is ended (e.g. 503, 403)
 *   'silent'  → no answer at all (a slow server)
 *   'accept'  → 101, then silence (no pongs: a heartbeat times out); a close frame is answered
 * `server.heads` lists the request heads in order.
 */
export async function startScriptedServer(script) {
  const heads = [];
  const raw = await startRawServer((socket, head) => {
    const step = script[Math.min(heads.length, script.length - 1)];
    heads.push(head);
    if (typeof step === 'number') socket.end(`HTTP/1.1 ${step} Status ${step}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    else if (step === 'accept') answer101(socket, head);
  });
  return Object.assign(raw, { heads });
}

const PAYLOAD = {
  open: (err, v) => v,
  openInfo: (err, v) => v,
  message: (err, v) => v,
  close: (err, v) => v,
  error: (e) => e,
  dataEnd: () => undefined,
  headerReceive: (h) => h,
  reconnecting: (info) => info,
  giveUp: (info) => info,
};

/** Records every event of `ws` as [type, payload]; `log.types()` lists the types in order. */
export function recordAll(ws, types = Object.keys(PAYLOAD)) {
  const log = [];
  for (const type of types) ws.on(type, (...args) => log.push([type, PAYLOAD[type](...args)]));
  log.types = () => log.map(([t]) => t);
  log.of = (type) => log.filter(([t]) => t === type).map(([, p]) => p);
  return log;
}
