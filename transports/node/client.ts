/**
 * Node client sockets on `ws` (through isomorphic-ws): TLS options, HTTP CONNECT proxies
 * (https-proxy-agent), ping frames and the real 101 response. Translates `ws` events into the facts
 * of the transport contract; decides nothing.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Agent } from 'node:http';
import WebSocket from 'isomorphic-ws';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { bypassesProxy, splitNoProxy } from '../../src/proxy.js';
import type { ClientRequest, ClientSocket, ClientSocketEvents, ProxyRequest } from '../../src/transport.js';
import { exactArrayBuffer } from './buffer.js';

const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** `proxy: 'system'` on Node: the standard variables, lower case winning over upper case. */
function systemProxy(request: ClientRequest, env: NodeJS.ProcessEnv): string | undefined {
  const names = request.secure ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const value = names.map((n) => env[n]).find((v) => v);
  if (!value) return undefined;
  if (bypassesProxy(request.host, splitNoProxy(env.no_proxy ?? env.NO_PROXY))) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

/** The proxy URL for this request, or `undefined` to connect directly. */
function proxyUrl(proxy: ProxyRequest, request: ClientRequest): string | undefined {
  if (proxy.kind === 'none') return undefined;
  if (proxy.kind === 'system') return systemProxy(request, process.env);
  const auth = proxy.username !== undefined
    ? `${encodeURIComponent(proxy.username)}:${encodeURIComponent(proxy.password ?? '')}@`
    : '';
  const host = proxy.host.includes(':') && !proxy.host.startsWith('[') ? `[${proxy.host}]` : proxy.host;
  return `http://${auth}${host}:${proxy.port}`;
}

/** Builds the `ws` client options for a request; throws (caught by the caller) on unreadable files. */
function clientOptions(request: ClientRequest): WebSocket.ClientOptions {
  const options: WebSocket.ClientOptions = {
    headers: { origin: request.origin, ...request.headers },
    rejectUnauthorized: !request.skipServerCertVerification,
    followRedirects: false,
  };
  if (request.protocols.length > 1) {
    // ws joins offered subprotocols with "," (valid, RFC 7230), but some servers (Deno's) split the
    // header only on ", " and answer 500; send the form browsers send.
    const list = request.protocols.join(', ');
    options.finishRequest = (req) => {
      req.setHeader('Sec-WebSocket-Protocol', list);
      req.end();
    };
  }
  if (request.caPath) options.ca = readFileSync(request.caPath);
  if (request.clientCert) {
    options.cert = readFileSync(request.clientCert.certPath);
    options.key = readFileSync(request.clientCert.keyPath);
    if (request.clientCert.keyPassword) options.passphrase = request.clientCert.keyPassword;
  }
  if (request.minTlsVersion !== undefined) options.minVersion = TLS_VERSIONS[request.minTlsVersion];
  const proxy = proxyUrl(request.proxy, request);
  if (proxy) options.agent = new HttpsProxyAgent(proxy) as unknown as Agent;
  return options;
}

/** Opens a `ws` client socket and reports its life through `events`. */
export function connectNode(request: ClientRequest, events: ClientSocketEvents): ClientSocket {
  let ws: WebSocket;
  let opened = false;
  let done = false;
  let lastError = '';
  const failOnce = (status: number, detail: string) => {
    if (done) return;
    done = true;
    events.fail(status, detail);
  };
  try {
    ws = new WebSocket(request.url, request.protocols as string[], clientOptions(request));
  } catch (e) {
    const detail = (e as Error).message;
    queueMicrotask(() => failOnce(0, detail));
    return { send() {}, close() {}, terminate() {} };
  }
  let response: IncomingMessage | undefined;
  ws.on('upgrade', (res) => { response = res; });
  ws.on('unexpected-response', (req, res) => {
    failOnce(res.statusCode ?? 0, `the server answered HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim());
    req.destroy();
    res.destroy();
  });
  ws.on('open', () => {
    opened = true;
    events.open({
      status: response?.statusCode ?? 101,
      statusText: response?.statusMessage,
      headers: response?.headers,
      protocol: ws.protocol,
    });
    response = undefined;
  });
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    events.message(isBinary ? exactArrayBuffer(data) : data.toString());
  });
  ws.on('pong', () => events.pong());
  ws.on('error', (err) => {
    lastError = err.message;
    if (!opened) failOnce(0, err.message);
  });
  ws.on('close', (code: number, reason: Buffer) => {
    if (!opened) return failOnce(0, lastError || 'the connection closed during the handshake');
    if (done) return;
    done = true;
    // 1006 is never sent on the wire: it is how `ws` reports a link that ended without a close frame.
    events.closed(code, code === 1006 ? lastError : reason.toString(), code !== 1006);
  });
  return {
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
    ping: () => ws.ping(),
    terminate: () => ws.terminate(),
  };
}
