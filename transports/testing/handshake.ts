/**
 * The handshake as the far side sees it: the request a client's `connect()` puts on the test
 * network (headers exactly as a server would read them), and where that request goes.
 */
import { urlHost, type ClientRequest } from '../../src/transport.js';

/** What a server would see of one handshake request, plus what became of it. */
export interface HandshakeRecord {
  /** The URL the client connected to (after the core's normalisation). */
  readonly url: string;
  /** Request target: path and query, as in the HTTP request line (`/chat?room=1`). */
  readonly path: string;
  /** Request headers with lowercase names, as a server reads them (`host`, `origin`, `upgrade`, …). */
  readonly headers: Readonly<Record<string, string>>;
  /** The `Origin` header the client sent. */
  readonly origin: string;
  /** Subprotocols offered (`Sec-WebSocket-Protocol`), in order; empty when none. */
  readonly protocols: readonly string[];
  /** Whether the client used `wss:`. No TLS happens on the test network; options are recorded. */
  readonly secure: boolean;
  /** The client's address as the server sees it. */
  readonly clientIP: string;
  readonly clientPort: number;
  /** TLS and proxy options the client asked for (accepted and recorded; nothing applies them). */
  readonly tls: {
    readonly caPath?: string;
    readonly clientCert?: { readonly certPath: string; readonly keyPath: string };
    readonly skipServerCertVerification: boolean;
    readonly minTlsVersion?: number;
  };
  readonly proxy: ClientRequest['proxy'];
  /** What happened: `'pending'` until answered; then accepted, refused with an HTTP status, unreachable or aborted. */
  outcome: 'pending' | 'accepted' | 'refused' | 'unreachable' | 'aborted';
  /** HTTP status of the answer: 101, the refusal status, or 0 when nothing answered. */
  status: number;
  /** The subprotocol chosen, `''` when none (accepted handshakes). */
  protocol: string;
}

/** Where a URL points: host (lowercase, IPv6 without brackets), port (default 80/443), path. */
export interface Address {
  readonly host: string;
  readonly port: number;
  /** `host[:port]` as the URL spells it (brackets kept, default port left out): the `Host` header. */
  readonly authority: string;
  readonly path: string;
  readonly secure: boolean;
}

/** Parses a `ws:`/`wss:` URL (also `http:`/`https:`) into the address it points at. */
export function addressOf(url: string): Address {
  const u = new URL(url);
  const secure = u.protocol === 'wss:' || u.protocol === 'https:';
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return { host, port: u.port ? Number(u.port) : secure ? 443 : 80, authority: u.host, path: `${u.pathname || '/'}${u.search}`, secure };
}

/** `host:port` with IPv6 bracketed, as in a `Host` header and an error text. */
export const hostPort = (host: string, port: number): string => `${urlHost(host)}:${port}`;

/** A deterministic `Sec-WebSocket-Key` (16 bytes, base64) numbered by attempt. */
function keyFor(n: number): string {
  const bytes = new Uint8Array(16);
  new DataView(bytes.buffer).setUint32(12, n);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The record of `request` (to `address`, its parsed URL) leaving `clientIP:clientPort` (attempt number `n`). */
export function recordOf(request: ClientRequest, address: Address, clientIP: string, clientPort: number, n: number): HandshakeRecord {
  const headers: Record<string, string> = {
    host: address.authority,
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': keyFor(n),
  };
  if (request.protocols.length) headers['sec-websocket-protocol'] = request.protocols.join(', ');
  headers.origin = request.origin;
  // The caller's headers come last and win, as on the Node transport.
  Object.assign(headers, request.headers);
  return {
    url: request.url,
    path: address.path,
    headers,
    origin: headers.origin,
    protocols: request.protocols,
    secure: request.secure,
    clientIP,
    clientPort,
    tls: {
      caPath: request.caPath,
      clientCert: request.clientCert && { certPath: request.clientCert.certPath, keyPath: request.clientCert.keyPath },
      skipServerCertVerification: request.skipServerCertVerification,
      minTlsVersion: request.minTlsVersion,
    },
    proxy: request.proxy,
    outcome: 'pending',
    status: 0,
    protocol: '',
  };
}
