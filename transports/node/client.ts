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

/**
 * One client socket: a `ws` WebSocket whose `emit` is the transport's dispatch. ws reports every
 * event through `this.emit(...)`, so overriding it replaces the seven listeners a socket would
 * otherwise register (ws keeps them in a dictionary per socket) and the separate adapter object:
 * an idle connection is then the ws object itself plus five fields (bench/: about 0.24 KB less per idle
 * connection than listeners on a plain ws and an adapter). ws supports subclasses (its server's
 * `WebSocket` option); `send`, `close`, `ping` and `terminate` are ws's own and match the contract.
 */
class NodeClientSocket extends WebSocket implements ClientSocket {
  opened = false;
  done = false;
  lastError = '';
  response: IncomingMessage | undefined = undefined;
  // Assigned after super(): ws emits nothing synchronously from its constructor (it throws instead).
  readonly events: ClientSocketEvents;

  constructor(url: string, protocols: string[], options: WebSocket.ClientOptions, events: ClientSocketEvents) {
    super(url, protocols, options);
    this.events = events;
  }

  /** ws's events, translated into the contract's facts; `true`: handled (ws reads it for 'unexpected-response'). */
  override emit(type: string | symbol, a?: any, b?: any): boolean {
    switch (type) {
      case 'message': this.events.message(b ? exactArrayBuffer(a) : (a as Buffer).toString()); break;
      case 'pong': this.events.pong(); break;
      case 'upgrade': this.response = a; break;
      case 'open': onOpen(this); break;
      case 'unexpected-response': onUnexpectedResponse(this, a, b); break;
      case 'error': onError(this, a); break;
      case 'close': onClose(this, a, b); break;
      default: return false; // 'ping' (ws answers it itself), 'redirect' (not followed)
    }
    return true;
  }

  failOnce(status: number, detail: string): void {
    if (this.done) return;
    this.done = true;
    this.events.fail(status, detail);
  }
}

function onUnexpectedResponse(s: NodeClientSocket, req: { destroy(): void }, res: IncomingMessage): void {
  s.failOnce(res.statusCode ?? 0, `the server answered HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim());
  req.destroy();
  res.destroy();
}

function onOpen(s: NodeClientSocket): void {
  const response = s.response;
  s.opened = true;
  s.response = undefined;
  s.events.open({
    status: response?.statusCode ?? 101,
    statusText: response?.statusMessage,
    headers: response?.headers,
    protocol: s.protocol,
  });
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

function onError(s: NodeClientSocket, err: Error): void {
  s.lastError = describeError(err);
  if (!s.opened) s.failOnce(0, s.lastError);
}

function onClose(s: NodeClientSocket, code: number, reason: Buffer): void {
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
  try {
    return new NodeClientSocket(request.url, request.protocols as string[], clientOptions(request), events);
  } catch (e) {
    return failedAttempt(events, (e as Error).message);
  }
}
