/**
 * THE transport contract: everything a platform adapter provides, and nothing it decides.
 *
 * Transports translate platform sockets into raw facts (opened with these headers, a frame arrived,
 * the link closed with this code, cleanly or not). The core turns those facts into HarmonyOS events,
 * codes and payloads, so every rule lives once. A third party writes a transport by implementing
 * `Transport`; see `transports/browser` for the smallest complete example.
 */

/**
 * What a transport can honour. The core checks a request against these flags before any I/O and
 * answers an option the transport lacks with 801 (SPEC §8), never by ignoring it.
 */
export interface Capabilities {
  /** Transport name, used in 801 messages (`'node'`, `'browser'`, `'deno'`, …). */
  readonly name: string;
  /** Custom handshake request headers (`header`, and the `Origin` the core derives). */
  readonly headers: boolean;
  /** Lowercase header names the transport cannot set even though it sends headers (→ 801). */
  readonly forbiddenHeaders?: readonly string[];
  /** `proxy` as `'no-proxy'` or an `HttpProxy` (`'system'` is accepted everywhere). */
  readonly proxy: boolean;
  /** `caPath`. */
  readonly caPath: boolean;
  /** `clientCert` (mutual TLS). */
  readonly clientCert: boolean;
  /** `clientCert.keyPassword` (an encrypted private key). */
  readonly keyPassword: boolean;
  /** `minSupportTlsProtocol`. */
  readonly minTlsVersion: boolean;
  /** `skipServerCertVerification: true` per socket. */
  readonly skipServerCertVerification: boolean;
  /** Sends ping frames and reports pongs (`pingInterval`/`pongTimeout`). */
  readonly heartbeat: boolean;
  /** Reads the 101 response: headers for `headerReceive` and the real reason phrase. */
  readonly responseHeaders: boolean;
  /** Can listen (`createWebSocketServer().start()`). */
  readonly server: boolean;
  /**
   * Close codes the transport can send: `'any'` (RFC 6455 valid codes) or `'application'`
   * (only 1000 and 3000–4999, as browsers and Deno). The core maps the rest to 1000.
   */
  readonly closeCodes: 'any' | 'application';
  /**
   * Close codes the transport's server-side sockets can send; defaults to `closeCodes`. (Deno's
   * server sockets send any valid code although its client sockets cannot.)
   */
  readonly serverCloseCodes?: 'any' | 'application';
}

/** The proxy decision, already normalised by the core. */
export type ProxyRequest =
  | { kind: 'system' }
  | { kind: 'none' }
  | { kind: 'http'; host: string; port: number; username?: string; password?: string; exclusionList: string[] };

/** A validated, normalised connect request (the core has applied every SPEC rule already). */
export interface ClientRequest {
  /** Absolute `ws:`/`wss:` URL, a path-less URL with a query already given its slash. */
  readonly url: string;
  readonly secure: boolean;
  readonly host: string;
  /** Subprotocols offered, split from the `protocol` option; empty when none. */
  readonly protocols: readonly string[];
  /** Extra headers: lowercase keys, CR/LF/NUL-free values. Empty object when none. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `Origin` a non-browser client sends (SPEC §2.4); transports with `headers` send it. */
  readonly origin: string;
  readonly caPath?: string;
  readonly clientCert?: { readonly certPath: string; readonly keyPath: string; readonly keyPassword?: string };
  readonly skipServerCertVerification: boolean;
  /** Lowest TLS version (`TlsProtocol` value), when set. */
  readonly minTlsVersion?: number;
  readonly proxy: ProxyRequest;
  /** The heartbeat the core will drive (it calls `ping()`); `undefined` when disabled. */
  readonly heartbeat?: { readonly pingIntervalMs: number; readonly pongTimeoutMs: number };
}

/** What a transport reports when the handshake completed. */
export interface OpenFacts {
  /** HTTP status of the handshake response (101). */
  readonly status: number;
  /** Reason phrase actually received, when the transport can read it. */
  readonly statusText?: string;
  /** Response headers, when the transport can read them (keys in any case; the core lowercases). */
  readonly headers?: Record<string, string | string[] | undefined>;
  /** Negotiated subprotocol, `''` when none. */
  readonly protocol: string;
}

/** Callbacks a transport invokes on a client socket. Called at most in this order. */
export interface ClientSocketEvents {
  /** Handshake done. */
  open(facts: OpenFacts): void;
  /** One complete message: text as string, binary as an ArrayBuffer of exactly its bytes. */
  message(data: string | ArrayBuffer): void;
  /** A pong frame arrived (heartbeat transports only). */
  pong(): void;
  /** The attempt failed before `open`: DNS, TCP, TLS, proxy, non-101 (`status` 0 when no HTTP reply). */
  fail(status: number, detail?: string): void;
  /**
   * The link ended after `open`. `clean` is true when a close frame was received (the peer's
   * code/reason, or the echo of ours); false for a drop (reset, protocol error, terminate()).
   */
  closed(code: number, reason: string, clean: boolean): void;
}

/** A client socket created by a transport. */
export interface ClientSocket {
  send(data: string | ArrayBuffer): void;
  /** Start the close handshake with an already-mapped code and a reason of ≤ 123 UTF-8 bytes. */
  close(code: number, reason: string): void;
  /** Send a ping frame (only called when `capabilities.heartbeat`). */
  ping?(): void;
  /** Drop the link at once, without a close handshake (heartbeat timeout, abort while connecting). */
  terminate(): void;
}

/* ----------------------------------------- server ----------------------------------------- */

/** A validated listen request. */
export interface ListenRequest {
  readonly host: string;
  readonly port: number;
  /** Subprotocol the server accepts; `undefined` accepts none. */
  readonly protocol?: string;
  readonly tls?: { readonly certPath: string; readonly keyPath: string };
}

/** A peer as the transport saw it before the upgrade (IPv4-mapped IPv6 already unwrapped). */
export interface PeerAddress {
  readonly ip: string;
  readonly port: number;
}

/** Callbacks a transport invokes on one accepted server-side connection. */
export interface ServerSocketEvents {
  message(data: string | ArrayBuffer): void;
  /** The connection ended; called exactly once, whatever the path (clean, drop, aborted). */
  closed(code: number, reason: string, clean: boolean): void;
}

/** One accepted server-side connection. */
export interface ServerSocket {
  send(data: string | ArrayBuffer): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** What the core gives a listening transport. */
export interface ServerHandlers {
  /**
   * Asked before the upgrade for every handshake. `false` → the transport answers HTTP 503 and
   * does not upgrade. `true` reserves a slot: the transport must then call `accepted` or `aborted`.
   */
  admit(peer: PeerAddress): boolean;
  /** The upgrade completed: returns the callbacks for that socket. */
  accepted(peer: PeerAddress, socket: ServerSocket): ServerSocketEvents;
  /** An admitted handshake did not complete (releases its slot). */
  aborted(peer: PeerAddress): void;
}

/** A listening server created by a transport. */
export interface ListeningServer {
  /** The port actually bound. */
  readonly port: number;
  /** Stop listening and free the port; connections are closed by the core first. */
  stop(): Promise<void>;
}

/** Why `listen` failed, as a fact the core maps to a code. */
export class ListenError extends Error {
  constructor(readonly reason: 'address-in-use' | 'bad-address' | 'cert' | 'other', detail: string) {
    super(detail);
  }
}

/* ---------------------------------------- transport ---------------------------------------- */

export interface Transport {
  readonly capabilities: Capabilities;
  /**
   * Finer checks than the flags: return the name of an option this request uses that cannot be
   * honoured right now (e.g. `'proxy: no-proxy'` while proxy variables are set), else `undefined`.
   */
  unsupported?(request: ClientRequest): string | undefined;
  /** Whether a file exists (for 2302002); transports without file access omit it. */
  fileExists?(path: string): Promise<boolean>;
  /** Open a client socket; failures are reported through `events.fail`, never thrown. */
  connect(request: ClientRequest, events: ClientSocketEvents): ClientSocket;
  /** Listen (only when `capabilities.server`); rejects with `ListenError`. */
  listen?(request: ListenRequest, handlers: ServerHandlers): Promise<ListeningServer>;
}
