// The two kinds of client socket a Node scenario compares, behind the same tiny "side" shape the
// echo driver uses. "raw" is `ws` used the ordinary way (text read with toString(), binary as the
// Buffer ws hands out); "pkg" is this package's HarmonyOS client on its default Node transport.
import WebSocket from 'ws';
import webSocket from '../../dist/node/index.mjs';

/**
 * A raw `ws` client side, open. Both sides register the same four listeners (open, message, error,
 * close) for their whole life, as an application does.
 */
export function rawSide(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let closed = () => {};
    const side = {
      ws,
      onmessage: null,
      send: (data) => ws.send(data),
      close: () => new Promise((r) => { closed = r; ws.close(); }),
    };
    ws.on('message', (data, isBinary) => side.onmessage(isBinary ? data : data.toString()));
    ws.on('open', () => resolve(side));
    ws.on('error', reject);
    ws.on('close', () => closed());
  });
}

/** A package client side (`webSocket.createWebSocket()`), open; `options` are connect options. */
export function pkgSide(url, options) {
  return new Promise((resolve, reject) => {
    const ws = webSocket.createWebSocket();
    let closed = () => {};
    const side = {
      onmessage: null,
      // The documented promise form, result not awaited: what `ws.send(x)` in app code does.
      send: (data) => ws.send(data),
      close: () => new Promise((r) => { closed = r; ws.close(); }),
    };
    ws.on('message', (_err, data) => side.onmessage(data));
    ws.on('open', () => resolve(side));
    ws.on('error', (err) => reject(err));
    ws.on('close', () => closed());
    ws.connect(url, options).catch(reject);
  });
}

export const makeSide = { raw: rawSide, pkg: pkgSide };

/**
 * The payload of a scenario: the same object(s) are sent by both sides. `mixed` is a text and a
 * binary message of `size` bytes each, sent in turn.
 */
export function payload(kind, size) {
  if (kind === 'mixed') return [payload('text', size), payload('binary', size)];
  if (kind === 'text') return 'x'.repeat(size);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i & 0xff;
  return bytes.buffer;
}
