/**
 * THE transport contract: everything a platform adapter provides, and nothing it decides.
 *
 * Transports translate platform sockets into raw facts (opened with these headers, a frame arrived,
 * the link closed with this code, cleanly or not). The core turns those facts into HarmonyOS events,
 * codes and payloads, so every rule lives once. A third party writes a transport by implementing
 * `Transport`; see `transports/browser` for the smallest complete example.
 */
import type { FilesCore } from './files.js';
import type { WebSocketServer } from './types.js';

/**
 * What a transport can honour. The core checks a request against these flags before any I/O and
 * answers an option the transport lacks with 801 (docs/behaviour.md#unsupported-options-801), never by ignoring it.
 */
export interface Capabilities {
  /** Transport name, used in 801 messages (`'node'`, `'browser'`, `'deno'`, …). */
  readonly name: string;
  /** Custom handshake request headers (`header`, and the `Origin` the core derives). */
  readonly headers: boolean;
  /** Lowercase header names the transport cannot set even though it sends headers (→ 801). */
  readonly forbiddenHeaders?: readonly string[];
  /**
   * `proxy` as `'no-proxy'` or an `HttpProxy` (`'system'` is accepted everywhere). Needs the core's
   * proxy rules too (`Transport.proxyCore`): without them the request is answered with 801.
   */
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
  /**
   * Sends ping frames and reports pongs (`pingInterval`/`pongTimeout`). Needs the core's heartbeat
   * too (`Transport.heartbeatCore`): without it an enabled heartbeat is answered with 801.
   */
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

/** The flags of {@link Capabilities} (everything but the name and the close-code sets). */
type Flags = Omit<Capabilities, 'name' | 'forbiddenHeaders' | 'closeCodes' | 'serverCloseCodes'>;

/**
 * A transport that can honour no option, no heartbeat, no response headers and no server, and
 * sends only application close codes: spread it and switch on what yours can do.
 *
 * @example
 * const capabilities: Capabilities = { ...CAN_DO_NOTHING, name: 'mine', heartbeat: true };
 */
export const CAN_DO_NOTHING: Readonly<Flags & { closeCodes: 'application' }> = {
  headers: false, proxy: false, caPath: false, clientCert: false, keyPassword: false, minTlsVersion: false,
  skipServerCertVerification: false, heartbeat: false, responseHeaders: false, server: false, closeCodes: 'application',
};

/**
 * Every flag on and any close code, under `name`: what a transport without platform limits
 * declares (Node's `ws`, the test kit's in-memory network).
 */
export const allCapabilities = (name: string): Capabilities =>
  Object.freeze({
    name, headers: true, proxy: true, caPath: true, clientCert: true, keyPassword: true, minTlsVersion: true,
    skipServerCertVerification: true, heartbeat: true, responseHeaders: true, server: true, closeCodes: 'any',
  });

/** The proxy decision, already normalised by the core. */
export type ProxyRequest =
  | { kind: 'system' }
  | { kind: 'none' }
  /**
   * An HTTP CONNECT proxy. `exclusionList` is already applied: a request whose host it names
   * arrives as `{ kind: 'none' }`; the list is passed on for information only.
   */
  | {
      kind: 'http'; host: string; port: number; username?: string; password?: string; exclusionList: string[];
    };

/** The core's proxy rules, as a transport that tunnels delivers them (`Transport.proxyCore`). */
export interface ProxyCore {
  /**
   * `proxy: 'system'`: the proxy URL the transport's environment names for `host`, `undefined` to go
   * direct, `null` when a variable that matters cannot be read; passed on as `request.systemProxy`.
   */
  readonly system: (transport: Transport, host: string, secure: boolean) => string | null | undefined;
  /** Whether `host` is one of an `HttpProxy`'s `exclusionList` entries (then it goes direct). */
  readonly bypasses: (host: string, entries: readonly string[]) => boolean;
}

/** `host` as a URL's host part: an IPv6 literal in brackets (`::1` → `[::1]`), anything else as is. */
export const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** A running heartbeat, as the core drives it: told of each pong, stopped when the link ends. */
export interface HeartbeatTimer {
  /** A pong arrived: the link is confirmed alive. */
  pong(): void;
  /** Stops pinging (the link is closing or ended). */
  stop(): void;
}

/**
 * The core's heartbeat (docs/behaviour.md#connect-options), as a transport that pings delivers it
 * (`Transport.heartbeatCore`): it decides when to call `socket.ping()` and drops the link with
 * `socket.terminate()` when a pong is overdue; the transport only sends pings and reports pongs.
 */
export type HeartbeatCore = (socket: ClientSocket, pingIntervalMs: number, pongTimeoutMs: number) => HeartbeatTimer;

/** A validated, normalised connect request (the core has applied every rule of docs/behaviour.md#connect already). */
export interface ClientRequest {
  /** Absolute `ws:`/`wss:` URL, a path-less URL with a query already given its slash. */
  readonly url: string;
  readonly secure: boolean;
  readonly host: string;
  /** Subprotocols offered, split from the `protocol` option; empty when none. */
  readonly protocols: readonly string[];
  /** Extra headers: lowercase keys, CR/LF/NUL-free values. Empty object when none. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `Origin` a non-browser client sends (docs/behaviour.md#connect-options); transports with `headers` send it. */
  readonly origin: string;
  readonly caPath?: string;
  readonly clientCert?: { readonly certPath: string; readonly keyPath: string; readonly keyPassword?: string };
  readonly skipServerCertVerification: boolean;
  /** Lowest TLS version (`TlsProtocol` value), when set. */
  readonly minTlsVersion?: number;
  readonly proxy: ProxyRequest;
  /**
   * What `proxy: 'system'` means for this host, decided by the core (`proxyCore`) from the
   * transport's `proxyVariable` facts: the proxy URL, `undefined` to go direct (or the transport
   * reports no variables), `null` when a variable that matters cannot be read. Given whatever
   * `proxy` says: a platform that applies the variables itself (Deno) needs to know it for a
   * direct request too.
   */
  readonly systemProxy?: string | null;
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

/**
 * How every transport reports the end of an open link, client or server side: `code` is the code
 * of the close frame received (the peer's, or the echo of ours), `1005` when that frame carried no
 * code, and {@link NO_CLOSE_FRAME} (1006) when the link ended without one — a reset, a drop, a
 * protocol error, `terminate()`. A transport translates its platform's way of saying "no close
 * frame" (a `wasClean` flag, an error event, 0) into 1006; the core then decides the HarmonyOS
 * events with {@link receivedCloseFrame}, the one definition of a clean close.
 * `reason` is the close frame's reason (`''` when none); `detail`, for a link that ended without a
 * close frame, is whatever the platform said about why (it becomes the error event's `cause`).
 */
export type SocketClosed = (code: number, reason: string, detail?: string) => void;

/**
 * The code a transport reports for a link that ended without a close frame (RFC 6455 §7.1.5).
 *
 * @example
 * events.closed(NO_CLOSE_FRAME, ''); // in a transport: the link ended without a close frame
 */
export const NO_CLOSE_FRAME = 1006;

/**
 * Whether a reported close code means a close frame was received: 1005, or a code a frame can
 * carry (1000–4999) other than 1006 (no frame) and 1015 (TLS failure). Used by the core only.
 */
export const receivedCloseFrame = (code: number): boolean =>
  code === 1005 || (code >= 1000 && code <= 4999 && code !== NO_CLOSE_FRAME && code !== 1015);

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
  /** The link ended after `open`: see {@link SocketClosed} for what `code` must say. */
  closed: SocketClosed;
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

/**
 * The socket to return for an attempt that failed before it started (report it with `events.fail` in a microtask): it does nothing.
 *
 * @example
 * return failedAttempt(events, 'no route');
 */
export const INERT_SOCKET: ClientSocket = { send() {}, close() {}, terminate() {} };

/**
 * What `connect` returns for an attempt that failed before it started: the failure is reported
 * through `events.fail` in a microtask (never inside `connect`), and the socket does nothing.
 *
 * @example
 * try { ws = new WebSocket(request.url); } catch (e) { return failedAttempt(events, String(e)); }
 */
export function failedAttempt(events: ClientSocketEvents, detail?: string): ClientSocket {
  queueMicrotask(() => events.fail(0, detail));
  return INERT_SOCKET;
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

/**
 * A WebSocket handshake as a listening transport received it, before any upgrade: what the core
 * needs to decide whether to accept it.
 */
export interface Handshake {
  /** The peer's address as the platform reports it (IPv4-mapped IPv6 is fine: the core unwraps it). */
  readonly ip: string;
  readonly port: number;
  /**
   * The `Sec-WebSocket-Protocol` request header as received — one comma-separated string, or one
   * string per header line — or `undefined`/`null` when the client offered none. The core splits it.
   */
  readonly protocols?: string | readonly string[] | null;
}

/** A peer as the core reports it: `clientIP` (IPv4-mapped IPv6 unwrapped) and `clientPort`. */
export interface PeerAddress {
  readonly ip: string;
  readonly port: number;
}

/** Callbacks a transport invokes on one accepted server-side connection. */
export interface ServerSocketEvents {
  message(data: string | ArrayBuffer): void;
  /** The connection ended; called exactly once, whatever the path (clean, drop, aborted). */
  closed: SocketClosed;
}

/** One accepted server-side connection. */
export interface ServerSocket {
  send(data: string | ArrayBuffer): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** The core refuses the handshake: answer HTTP `status` with `reason` (status text and body), do not upgrade. */
export interface HandshakeRefused {
  readonly accept: false;
  readonly status: 400 | 503;
  readonly reason: string;
}

/**
 * The core accepts the handshake and holds a slot for it: upgrade, answering `protocol` (when set)
 * in `Sec-WebSocket-Protocol`, then call exactly one of `accepted` (the upgrade completed) or
 * `aborted` (it did not: the client left, a malformed key…).
 */
export interface HandshakeAccepted {
  readonly accept: true;
  /** The subprotocol to answer with; `undefined`: answer none. */
  readonly protocol: string | undefined;
  /** The connection as the core will report it. */
  readonly peer: PeerAddress;
  /** The upgrade completed: returns the callbacks for that socket. */
  accepted(socket: ServerSocket): ServerSocketEvents;
  /** The upgrade did not complete; gives the slot back. */
  aborted(): void;
}

export type HandshakeDecision = HandshakeAccepted | HandshakeRefused;

/** What the core gives a listening transport. */
export interface ServerHandlers {
  /**
   * Asked for every WebSocket handshake before the upgrade; the core applies the subprotocol
   * rule, the admission limits and the refusal while stopping, and returns its decision.
   */
  admit(handshake: Handshake): HandshakeDecision;
}

/** A listening server created by a transport. */
export interface ListeningServer {
  /** The port actually bound. */
  readonly port: number;
  /** Stop listening and free the port; connections are closed by the core first. */
  stop(): Promise<void>;
}

/**
 * Why `listen` failed, as a fact the core maps to a code.
 *
 * @example
 * throw new ListenError('address-in-use', 'EADDRINUSE 127.0.0.1:8080'); // in a transport's listen()
 */
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
  /**
   * For `proxy: 'system'`: a proxy environment variable (`https_proxy`, `HTTP_PROXY`, `all_proxy`,
   * `no_proxy`, …) as this transport's platform honours it — its value, `undefined` when unset or
   * not honoured, `null` when it cannot be read (no permission). A fact: which variable wins and
   * which hosts bypass it is decided by the core's `proxyCore`.
   */
  proxyVariable?(name: string): string | null | undefined;
  /**
   * The core's proxy rules, `proxyCore` from the package (`systemProxy` and `bypassesProxy`),
   * delivered by a transport that tunnels (as a listening one delivers `serverCore`), so builds
   * that cannot tunnel carry none of them. The core applies them before the capability checks.
   */
  readonly proxyCore?: ProxyCore;
  /** Whether a file exists (for 2302002); transports without file access omit it. */
  fileExists?(path: string): Promise<boolean>;
  /**
   * The core's certificate-file step of `connect` (2302002 before any socket opens), `filesCore`
   * from the package, delivered with `fileExists` by a transport that reads files (as a listening
   * one delivers `serverCore`), so builds without file access carry none of it. A transport with
   * `fileExists` but without it gets 801 for the options that name files, never an unchecked path.
   */
  readonly filesCore?: FilesCore;
  /**
   * The core's heartbeat, `heartbeatCore` from the package, delivered by a transport that pings
   * (`capabilities.heartbeat`), so builds that cannot ping carry none of it. A transport with the
   * flag but without it gets 801 for every enabled heartbeat (the default one included), never a
   * heartbeat silently not run.
   */
  readonly heartbeatCore?: HeartbeatCore;
  /** Open a client socket; failures are reported through `events.fail`, never thrown. */
  connect(request: ClientRequest, events: ClientSocketEvents): ClientSocket;
  /** Listen (only when `capabilities.server`); rejects with `ListenError`. */
  listen?(request: ListenRequest, handlers: ServerHandlers): Promise<ListeningServer>;
  /**
   * Server mode: builds the `WebSocketServer` of `createWebSocketServer()` for this transport. A
   * listening transport brings the core's, `serverCore` (exported by the Node and Deno entries and
   * by `ohos-websocket/transports/*`), so only code that can listen carries the server core.
   * Without it `createWebSocketServer()` gives a server whose `start()` answers 801.
   */
  readonly serverCore?: (transport: Transport) => WebSocketServer;
}
