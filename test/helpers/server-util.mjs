// Helpers for the server tests: start one of our servers on loopback, open foreign (`ws`) clients,
// wait for events, and make throw-away certificates. Everything binds 127.0.0.x or ::1 only.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import selfsigned from 'selfsigned';
import WebSocket from 'ws';
import { webSocket } from 'ohos-websocket';

/** Config for a loopback server on a random port; `extra` overrides. */
export const loopback = (extra = {}) => ({
  serverIP: '127.0.0.1',
  serverPort: 0,
  maxConcurrentClientsNumber: 10,
  maxConnectionsForOneClient: 10,
  ...extra,
});

/**
 * Starts a server and records every event it emits in `log` (an array of `[type, ...args]`).
 * @returns {Promise<{server: any, url: string, log: any[][], next(type: string, n?: number): Promise<any[]>}>}
 */
export async function startServer(config = loopback(), { scheme = 'ws', host = '127.0.0.1' } = {}) {
  const server = webSocket.createWebSocketServer();
  const log = [];
  const waiters = [];
  const record = (type) => (...args) => {
    log.push([type, ...args]);
    for (const w of [...waiters]) w();
  };
  server.on('connect', record('connect'));
  server.on('messageReceive', record('messageReceive'));
  server.on('close', record('close'));
  server.on('error', record('error'));
  await server.start(config);
  const h = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    log,
    url: `${scheme}://${h}:${server.port}`,
    /** Resolves with the args of the `n`-th event of `type` (1-based), once it has happened. */
    next(type, n = 1) {
      return new Promise((resolve) => {
        const check = () => {
          const hits = log.filter((e) => e[0] === type);
          if (hits.length >= n) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve(hits[n - 1].slice(1));
          }
        };
        waiters.push(check);
        check();
      });
    },
  };
}

/**
 * Opens a `ws` client; resolves once open, with `ws.closed` resolving to `[code, reason]` and
 * `ws.inbox` collecting `[data, isBinary]`. Rejects with the refusal (e.g. `Unexpected server response: 503`).
 */
export function openWs(url, options = {}, protocols = undefined) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    ws.inbox = [];
    ws.closed = new Promise((done) => ws.on('close', (code, reason) => done([code, reason.toString()])));
    ws.on('message', (d, b) => ws.inbox.push([d, b]));
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with `[code, reason]` when `ws` (from `openWs`) closes. */
export const closedWs = (ws) => ws.closed;

/** Resolves with the next message of `ws` as `[data, isBinary]`. */
export const messageWs = (ws) => new Promise((resolve) => ws.once('message', (d, b) => resolve([d, b])));

/** Awaits a rejected promise and returns its error (fails when it resolves). */
export async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, got a resolution');
}

/**
 * Writes a fresh self-signed certificate for 127.0.0.1/localhost (its own CA) to a temp dir.
 * @returns {{dir: string, certPath: string, keyPath: string, cert: string, cleanup(): void}}
 */
export function makeCert() {
  const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    days: 1,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-server-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private);
  return { dir, certPath, keyPath, cert: pems.cert, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `test/helpers/server-child.mjs <mode>` and resolves with the JSON line it prints. The child
 * has no exit call: this resolves only if the child exits by itself (exit code 0).
 */
export function runChild(mode) {
  const script = fileURLToPath(new URL('./server-child.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, mode], (err, stdout, stderr) => {
      if (err) return reject(new Error(`child ${mode} failed: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}
