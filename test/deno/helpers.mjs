// Node-side helpers for the Deno suite: certificates made at test time, the deno binary, and the
// foreign peers (ws echo servers, TLS and mutual-TLS variants, a refusing server, an HTTP CONNECT
// proxy with Basic auth) on 127.0.0.1 with random ports.
import { execFileSync, spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createProxy } from 'proxy';
import { makeCerts as makeCertFiles } from '../helpers/certs.mjs';
import { refusedPort, startEchoServer } from '../helpers/peers.mjs';
import { startScriptedServer } from '../helpers/raw-peers.mjs';
export { refusedPort };
import { webSocket } from 'ohos-websocket';

export const DENO = new URL('../../node_modules/.bin/deno', import.meta.url).pathname;
export const ROOT = new URL('../../', import.meta.url).pathname;

/** Certificates made at test time (test/helpers/certs.mjs), as the paths the Deno files use. */
export function makeCerts() {
  const c = makeCertFiles();
  // The legacy encrypted PEM (Proc-Type: 4,ENCRYPTED), which Deno's transport cannot decrypt.
  const legacy = createPrivateKey(c.read('client.key')).export({ format: 'pem', type: 'sec1', cipher: 'aes-256-cbc', passphrase: 's3cret' });
  writeFileSync(c.path('client-legacy-enc.key'), legacy);
  // PKCS#8 variants: the other AES key sizes and PBKDF2 hashes the Deno transport decrypts.
  const variants = [['aes-128-cbc', 'hmacWithSHA1'], ['aes-192-cbc', 'hmacWithSHA512']].map(([cipher, prf]) => {
    const out = c.path(`client-${cipher}-${prf}.key`);
    execFileSync('openssl', ['pkcs8', '-topk8', '-in', c.path('client.key'), '-v2', cipher, '-v2prf', prf, '-passout', 'pass:s3cret', '-out', out]);
    return out;
  });
  return {
    clientKeyVariants: variants,
    clientKeyLegacyEncrypted: c.path('client-legacy-enc.key'),
    dir: c.dir, cleanup: c.cleanup, ca: c.path('ca.pem'), otherCa: c.path('other-ca.pem'),
    serverCert: c.path('server.pem'), serverKey: c.path('server.key'), otherCert: c.path('other.pem'),
    otherKey: c.path('other.key'), clientCert: c.path('client.pem'), clientKey: c.path('client.key'),
    clientKeyEncrypted: c.path('client-enc.key'),
  };
}

const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));
const shut = (server) => new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); });

/** Starts every peer the Deno-side files use; `close()` stops them all. */
export async function startPeers(certs) {
  const { readFileSync } = await import('node:fs');
  const tlsOptions = { cert: readFileSync(certs.serverCert), key: readFileSync(certs.serverKey) };
  const echo = await startEchoServer();
  const tls = await startEchoServer({ server: createHttpsServer(tlsOptions) });
  const mtls = await startEchoServer({
    server: createHttpsServer({ ...tlsOptions, ca: readFileSync(certs.ca), requestCert: true, rejectUnauthorized: true }),
  });
  // Answers every handshake with 403, so the error event's data must be "403".
  const refuse = await startScriptedServer([403]);
  // An HTTP CONNECT proxy demanding Basic auth user:pass, so a test can tell it was really used.
  const proxy = createProxy(createServer());
  const expected = `Basic ${Buffer.from('user:pass').toString('base64')}`;
  proxy.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  const proxyPort = await listen(proxy);
  // The package's own Node server (the `node` build), echoing, as a second foreign peer.
  const ours = webSocket.createWebSocketServer();
  ours.on('messageReceive', (m) => ours.send(m.data, m.clientConnection));
  await ours.start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
  return {
    urls: {
      echo: echo.url,
      refused: `ws://127.0.0.1:${await refusedPort()}`,
      tls: tls.url,
      tlsLocalhost: tls.url.replace('127.0.0.1', 'localhost'),
      mtls: mtls.url,
      refuse403: refuse.url,
      proxyPort,
      nodeServer: `ws://127.0.0.1:${ours.port}`,
    },
    close: () => Promise.all([echo.close(), tls.close(), mtls.close(), refuse.close(), shut(proxy), ours.stop()]),
  };
}

const PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY'];

/** The environment minus proxy variables: Deno applies them process-wide, even to loopback. */
function withoutProxyVariables(env) {
  const copy = { ...env };
  for (const name of PROXY_VARIABLES) delete copy[name];
  return copy;
}

/**
 * Runs the deno binary with `args`; resolves `{code, output}`. A guard timer kills it (and the
 * test then fails) if it does not exit by itself.
 */
export function runDeno(args, { env = {}, guardMs = 120000, cwd = ROOT, onStdout } = {}) {
  return new Promise((resolve) => {
    // --no-lock: a run inside the repo must not write a deno.lock next to package.json.
    const child = spawn(DENO, [args[0], '--no-lock', ...args.slice(1)], {
      cwd,
      env: { ...withoutProxyVariables(process.env), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    child.stdout.on('data', (d) => { output += d; onStdout?.(String(d), child); });
    child.stderr.on('data', (d) => { output += d; });
    const guard = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, guardMs);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code: killed ? 'killed by the guard timeout' : code, output, child });
    });
  });
}

/** Serves the files of `dir` over HTTP on 127.0.0.1 (JavaScript MIME type), for import-by-URL tests. */
export async function serveDirectory(dir) {
  const { readFile } = await import('node:fs/promises');
  const { join, normalize } = await import('node:path');
  const server = createServer(async (req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, close: () => shut(server) };
}
