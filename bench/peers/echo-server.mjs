// The one `ws` echo server every client scenario talks to, in its own process so its CPU never
// counts against the side under test. Also serves the few static files the Chromium page loads
// (dist/ and bench/lib/), from 127.0.0.1 only. Forked with IPC: reports its port with
// `process.send({ port })` and exits when the parent disconnects.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, normalize } from 'node:path';
import { WebSocketServer } from 'ws';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STATIC = ['/dist/', '/bench/lib/', '/bench/browser/'];
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!STATIC.some((p) => path.startsWith(p))) return res.writeHead(404).end();
  try {
    const body = await readFile(join(root, path));
    const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});

// Compression off, as on both sides' defaults; echo text as text and binary as binary.
const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  socket.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => {
  for (const c of wss.clients) c.terminate();
  wss.close();
  server.close();
  server.closeAllConnections();
});
