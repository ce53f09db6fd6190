/**
 * The Deno transport: Deno's native `WebSocket` (headers, TLS and proxy through
 * `Deno.createHttpClient`) and, for server mode, `Deno.serve` + `Deno.upgradeWebSocket`.
 * Needs `--allow-net`; `--allow-read` only when certificate paths are used; `--allow-env` only to
 * detect proxy variables that a `'no-proxy'` `wss:` request cannot bypass.
 *
 * What Deno cannot do per socket is declared below and answered with 801 (SPEC §8):
 * `skipServerCertVerification` (Deno only has the process-wide `--unsafely-ignore-certificate-errors`),
 * `minSupportTlsProtocol`, an encrypted `keyPassword` key, heartbeat pings, the 101 response headers,
 * and the `user-agent` / `host` headers (Deno replaces the first and drops the second).
 *
 * @example
 * import { webSocket } from 'npm:ohos-websocket'; // picks this transport by the `deno` condition
 * const ws = webSocket.createWebSocket();
 * ws.on('message', (err, data) => console.log(data));
 * await ws.connect('wss://echo.example/chat', { header: { authorization: 'Bearer x' } });
 */
import type { Capabilities, Transport } from '../../src/transport.js';
import { connectDeno } from './client.js';
import { deno } from './deno-api.js';
import { unsupportedProxy } from './proxy.js';
import { listenDeno } from './server.js';

export const denoCapabilities: Capabilities = Object.freeze({
  name: 'deno',
  headers: true,
  forbiddenHeaders: Object.freeze(['user-agent', 'host']),
  proxy: true,
  caPath: true,
  clientCert: true,
  keyPassword: false,
  minTlsVersion: false,
  skipServerCertVerification: false,
  heartbeat: false,
  responseHeaders: false,
  server: true,
  closeCodes: 'application',
});

/**
 * Whether a file exists. Without `--allow-read` Deno refuses the check; we then answer `true` so
 * the attempt goes on and fails with an `error` event naming the missing permission, rather than
 * a misleading 2302002.
 */
async function fileExists(path: string): Promise<boolean> {
  const d = deno();
  try {
    return (await d.stat(path)).isFile;
  } catch (e) {
    return !(e instanceof d.errors.NotFound);
  }
}

export const denoTransport: Transport = {
  capabilities: denoCapabilities,
  unsupported: unsupportedProxy,
  fileExists,
  connect: connectDeno,
  listen: listenDeno,
};

export default denoTransport;
