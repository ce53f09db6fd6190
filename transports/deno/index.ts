/**
 * The Deno transport: Deno's native `WebSocket` (headers, TLS and proxy through
 * `Deno.createHttpClient`) and, for server mode, `Deno.serve` + `Deno.upgradeWebSocket`.
 * Needs `--allow-net`; `--allow-read` only when certificate paths are used; `--allow-env` only to
 * detect proxy variables that a `'no-proxy'` `wss:` request cannot bypass.
 *
 * What Deno cannot do per socket is declared below and answered with 801 (docs/behaviour.md#unsupported-options-801):
 * `skipServerCertVerification` (Deno only has the process-wide `--unsafely-ignore-certificate-errors`),
 * `minSupportTlsProtocol`, heartbeat pings, the 101 response headers, and the `user-agent` / `host`
 * headers (Deno replaces the first and drops the second). An encrypted PKCS#8 key (`keyPassword`)
 * is decrypted with WebCrypto first, since Deno only takes unencrypted keys.
 *
 * @example
 * import { webSocket } from 'npm:ohos-websocket'; // picks this transport by the `deno` condition
 * const ws = webSocket.createWebSocket();
 * ws.on('message', (err, data) => console.log(data));
 * await ws.connect('wss://echo.example/chat', { header: { authorization: 'Bearer x' } });
 *
 * @module ohos-websocket/transports/deno
 */
import { filesCore } from '../../src/files.js';
import { proxyCore } from '../../src/proxy.js';
import { serverCore } from '../../src/server/server.js';
import { CAN_DO_NOTHING, type Capabilities, type Transport } from '../../src/transport.js';
import { connectDeno, denoWebSocket } from './client.js';
import { deno } from './deno-api.js';
import { denoProxyVariable, unsupportedProxy } from './proxy.js';
import { listenDeno } from './server.js';

/**
 * What Deno's native WebSocket and `Deno.serve` can do (docs/behaviour.md#transports-and-capabilities, Deno column).
 *
 * @example
 * denoCapabilities.server; // true
 */
export const denoCapabilities: Capabilities = Object.freeze({
  ...CAN_DO_NOTHING,
  name: 'deno',
  headers: true,
  forbiddenHeaders: Object.freeze(['user-agent', 'host']),
  proxy: true,
  caPath: true,
  clientCert: true,
  keyPassword: true,
  server: true,
  serverCloseCodes: 'any',
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

/** Options of {@link createDenoTransport}. */
export interface DenoTransportOptions {
  /**
   * Server mode: seconds between the keep-alive pings Deno sends each client; a client that does
   * not answer in time is dropped (its `close` event reports `{0, 'The link is down'}`).
   * Deno's default is 30; `0` disables the pings.
   */
  serverIdleTimeout?: number;
}

/**
 * A Deno transport with non-default settings (the default export `denoTransport` uses Deno's).
 *
 * @example
 * import { webSocket } from 'npm:ohos-websocket';
 * import { createDenoTransport } from 'npm:ohos-websocket/transports/deno';
 * const server = webSocket.createWebSocketServer({ transport: createDenoTransport({ serverIdleTimeout: 10 }) });
 */
export function createDenoTransport(options: DenoTransportOptions = {}): Transport {
  const idle = options.serverIdleTimeout;
  // Taken now, not at each connect: a `globalThis.WebSocket` installed later (a polyfill written
  // over this API) must not be what we open.
  const WebSocketClass = denoWebSocket();
  return {
    capabilities: denoCapabilities,
    unsupported: unsupportedProxy,
    proxyVariable: denoProxyVariable,
    fileExists,
    filesCore,
    connect: (request, events) => connectDeno(request, events, WebSocketClass),
    listen: (request, handlers) => listenDeno(request, handlers, idle),
    serverCore,
    proxyCore,
  };
}

/**
 * The Deno transport: native `WebSocket` (with `Deno.createHttpClient` for TLS and proxy options) and `Deno.serve` for server mode.
 *
 * @example
 * import { denoTransport } from 'ohos-websocket/transports/deno';
 * webSocket.setTransport(denoTransport);
 */
export const denoTransport: Transport = createDenoTransport();

export default denoTransport;
