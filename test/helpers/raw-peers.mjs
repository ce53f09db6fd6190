// Raw TCP peers on loopback (node:net), for what a WebSocket library server cannot fake: a 101 with
// a custom reason phrase, a plain HTTP refusal, a handshake followed by silence.
import { createHash, randomBytes } from 'node:crypto';
import { connect as connectTcp, createServer } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The Sec-WebSocket-Accept value for a Sec-WebSocket-Key (RFC 6455 §4.2.2). */
export const acceptFor = (key) => createHash('sha1').update(key + GUID).digest('base64');

/**
 * Starts a TCP server on 127.0.0.1:0. `onRequest(socket, head)` gets each connection once its HTTP
 * request head has arrived: `{ method, target, headers }` with lowercase header names.
 * Every byte received after the head is appended to `socket.frames` (a Buffer list).
 */
export async function startRawServer(onRequest) {
  const sockets = new Set();
  const connections = []; // every connection ever accepted, closed ones included
  const server = createServer((socket) => {
    sockets.add(socket);
    connections.push(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.frames = [];
    let buf = Buffer.alloc(0);
    let head;
    socket.on('data', (chunk) => {
      if (head) return void socket.frames.push(chunk);
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [requestLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
      const [method, target] = requestLine.split(' ');
      const headers = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      head = { method, target, headers };
      if (buf.length > end + 4) socket.frames.push(buf.subarray(end + 4));
      onRequest(socket, head);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    sockets,
    /** All bytes the server received after the request heads, concatenated. */
    received: () => Buffer.concat(connections.flatMap((s) => s.frames)),
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Completes the WebSocket handshake with `reason` as the reason phrase and extra header lines, then
 * stays silent except for answering a close frame with an empty close frame (so a client's close
 * handshake completes).
 */
export function answer101(socket, head, { reason = 'Switching Protocols', headers = [] } = {}) {
  socket.on('data', (chunk) => {
    if ((chunk[0] & 0x0f) === 0x8) socket.end(Buffer.from([0x88, 0x00]));
  });
  socket.write(
    [`HTTP/1.1 101 ${reason}`, 'Upgrade: websocket', 'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${acceptFor(head.headers['sec-websocket-key'])}`, ...headers, '', ''].join('\r\n'),
  );
}

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

/** The opcodes of the (unmasked-length, client-masked) frames in `bytes`, in order. */
export function opcodes(bytes) {
  const out = [];
  let i = 0;
  while (i + 2 <= bytes.length) {
    const op = bytes[i] & 0x0f;
    let len = bytes[i + 1] & 0x7f;
    let at = i + 2;
    if (len === 126) { len = bytes.readUInt16BE(at); at += 2; }
    else if (len === 127) { len = Number(bytes.readBigUInt64BE(at)); at += 8; }
    if (bytes[i + 1] & 0x80) at += 4; // mask key
    out.push(op);
    i = at + len;
  }
  return out;
}

/**
 * A client that completes a WebSocket handshake with the server on 127.0.0.1:`port` and then never
 * reads again (so it never answers a close frame): what `stop()` must not wait for. Resolves once
 * upgraded, with `dropped()`: reads again and resolves once the server has ended the connection.
 */
export function silentClient(port, protocol) {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1', () => {
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
        `${protocol ? `Sec-WebSocket-Protocol: ${protocol}\r\n` : ''}\r\n`);
    });
    const closed = new Promise((r) => socket.once('close', r));
    socket.on('error', () => {});
    // A paused socket does not notice the peer's FIN (and keeps nothing alive): read to see it.
    const dropped = () => {
      socket.on('data', () => {});
      socket.resume();
      return closed;
    };
    socket.once('data', (d) => {
      if (!/^HTTP\/1\.1 101/.test(String(d))) return reject(new Error(`no 101: ${String(d).split('\r\n')[0]}`));
      socket.pause(); // never read again
      resolve({ socket, dropped });
    });
  });
}
