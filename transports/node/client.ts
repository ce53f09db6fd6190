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
import { failedAttempt, NO_CLOSE_FRAME, urlHost, type ClientRequest, type ClientSocket, type ClientSocketEvents, type ProxyRequest } from '../../src/transport.js';
import { exactArrayBuffer } from './buffer.js';

const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/**
 * The proxy variables this transport's tunnel honours (its `proxyVariable` fact): `http_proxy`,
 * `https_proxy` and `no_proxy`, in either case, as read now; not `all_proxy`, usually a SOCKS proxy,
 * which a CONNECT tunnel cannot use.
 */
const HONOURED = new Set(['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']);
export const nodeProxyVariable = (name: string): string | undefined => (HONOURED.has(name) ? process.env[name] : undefined);

/** The proxy URL for this request, or `undefined` to connect directly. */
function proxyUrl(proxy: ProxyRequest, request: ClientRequest): string | undefined {
  if (proxy.kind === 'none') return undefined;
  // 'system': what the core decided from our variables (request.systemProxy, docs/behaviour.md#connect-options).
  if (proxy.kind === 'system') return request.systemProxy ?? undefined;
  const auth = proxy.username !== undefined
    ? `${encodeURIComponent(proxy.username)}:${encodeURIComponent(proxy.password ?? '')}@`
    : '';
  return `http://${auth}${urlHost(proxy.host)}:${proxy.port}`;
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

/** Where the shared listeners below find their socket: ws calls listeners with itself as `this`. */
const SOCKET = Symbol('ohos-websocket socket');

/**
 * One client socket. Its `ws` listeners are module-level functions that reach this object through
 * `this` (the ws, see clientSocketOf), not closures per socket: an idle connection then carries no per-socket functions
 * (bench/: about 0.7 KB less per idle connection than one closure per event and per method).
 */
class NodeClientSocket implements ClientSocket {
  opened = false;
  done = false;
  lastError = '';
  response: IncomingMessage | undefined = undefined;

  constructor(readonly ws: WebSocket, readonly events: ClientSocketEvents) {}

  send(data: string | ArrayBuffer): void { this.ws.send(data); }
  close(code: number, reason: string): void { this.ws.close(code, reason); }
  ping(): void { this.ws.ping(); }
  terminate(): void { this.ws.terminate(); }

  failOnce(status: number, detail: string): void {
    if (this.done) return;
    this.done = true;
    this.events.fail(status, detail);
  }
}

type Bound = WebSocket & { [SOCKET]: NodeClientSocket };
const clientSocketOf = (ws: WebSocket): NodeClientSocket => (ws as Bound)[SOCKET];

function onUpgrade(this: WebSocket, res: IncomingMessage): void {
  clientSocketOf(this).response = res;
}

function onUnexpectedResponse(this: WebSocket, req: { destroy(): void }, res: IncomingMessage): void {
  clientSocketOf(this).failOnce(res.statusCode ?? 0, `the server answered HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim());
  req.destroy();
  res.destroy();
}

function onOpen(this: WebSocket): void {
  const s = clientSocketOf(this);
  const response = s.response;
  s.opened = true;
  s.response = undefined;
  s.events.open({
    status: response?.statusCode ?? 101,
    statusText: response?.statusMessage,
    headers: response?.headers,
    protocol: this.protocol,
  });
}

function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  clientSocketOf(this).events.message(isBinary ? exactArrayBuffer(data) : data.toString());
}

function onPong(this: WebSocket): void {
  clientSocketOf(this).events.pong();
}

/** Node's codes for a certificate chain it does not trust. */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED',
]);

/** A socket error as the `cause` of the error event: what happened and, for TLS, how to fix it. */
function describeError(err: Error & { code?: string }): string {
  const code = err.code ?? '';
  if (UNTRUSTED.has(code)) {
    return `${err.message} (${code}): the server's certificate is not trusted; give its CA certificate with the ` +
      'caPath option, or skipServerCertVerification: true for a test server';
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `${err.message}: connect with a host name the certificate names, or skipServerCertVerification: true for a test server`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return `${err.message} (${code}): the server's certificate is outside its validity period`;
  return err.message;
}

function onError(this: WebSocket, err: Error): void {
  const s = clientSocketOf(this);
  s.lastError = describeError(err);
  if (!s.opened) s.failOnce(0, s.lastError);
}

function onClose(this: WebSocket, code: number, reason: Buffer): void {
  const s = clientSocketOf(this);
  if (!s.opened) return s.failOnce(0, s.lastError || 'the connection closed during the handshake');
  if (s.done) return;
  s.done = true;
  // ws reports a link that ended without a close frame as 1006, as the contract does. After an
  // 'error' (a protocol violation by the peer: bad opcode, invalid UTF-8, oversized frame) it reports
  // the code it sent itself, but the link still ended abnormally.
  s.events.closed(s.lastError ? NO_CLOSE_FRAME : code, reason.toString(), s.lastError);
}

/** Opens a `ws` client socket and reports its life through `events`. */
export function connectNode(request: ClientRequest, events: ClientSocketEvents): ClientSocket {
  let ws: Bound;
  try {
    ws = new WebSocket(request.url, request.protocols as string[], clientOptions(request)) as Bound;
  } catch (e) {
    return failedAttempt(events, (e as Error).message);
  }
  const socket = new NodeClientSocket(ws, events);
  ws[SOCKET] = socket;
  ws.on('upgrade', onUpgrade);
  ws.on('unexpected-response', onUnexpectedResponse);
  ws.on('open', onOpen);
  ws.on('message', onMessage);
  ws.on('pong', onPong);
  ws.on('error', onError);
  ws.on('close', onClose);
  return socket;
}
