/**
 * The client session (docs/behaviour.md#client): idle → connecting → open → closing → idle, reconnect allowed.
 * Transports report raw facts; this file decides which HarmonyOS event each fact is.
 */
import { beginDelivery, endDelivery, fail, guard, ok, settle, TRUE, type Result } from './bridge.js';
import { checkCapabilities } from './capabilities.js';
import { businessError, BusinessError, connectFailed, ErrorCode, ErrorMessage, unreadable } from './errors.js';
import { dataOnly, LINK_DOWN, Registry } from './events.js';
import { thrownText } from './is.js';
import { INERT_SOCKET, receivedCloseFrame, type ClientSocket, type ClientSocketEvents, type HeartbeatTimer, type OpenFacts, type Transport } from './transport.js';
import type * as T from './types.js';
import { checkPayload, NO_HOST, normaliseClose, normaliseConnect, type Normalised } from './validate.js';

type State = 'idle' | 'connecting' | 'open' | 'closing';
type ClientEvent = 'open' | 'openInfo' | 'message' | 'close' | 'error' | 'dataEnd' | 'headerReceive';

const EVENTS: ReadonlySet<string> = new Set<ClientEvent>(['open', 'openInfo', 'message', 'close', 'error', 'dataEnd', 'headerReceive']);

/** The 101 response headers as `headerReceive` reports them: lowercase keys, string values. */
function responseHeaders(raw: Record<string, string | string[] | undefined>): T.ResponseHeaders {
  const h: T.ResponseHeaders = {};
  for (const k of Object.keys(raw)) {
    const v = raw[k];
    if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return h;
}

/**
 * How long a connection attempt may take, from the transport's connect to the 101, by default:
 * libwebsockets' default `timeout_secs`, after which the native client gives up (docs/behaviour.md).
 */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 20_000;

/** The handshake deadline passed: the attempt fails like any other (module-level: no closure per session). */
function handshakeTimedOut(s: Session): void {
  s.deadline = undefined;
  if (s.owner.session !== s || s.state !== 'connecting') return;
  s.fail(0, `the server did not complete the WebSocket handshake within ${s.owner.handshakeTimeout} ms`);
  s.socket?.terminate();
}

/** One connection attempt and its socket; events of a superseded session are ignored. */
export class Session implements ClientSocketEvents {
  state: State = 'connecting';
  socket: ClientSocket | undefined;
  /** Messages sent while connecting, flushed in order on open. */
  queue: Array<string | ArrayBuffer> = [];
  /** What our own close() sent, reported by the close event (docs/behaviour.md#client-events). */
  localClose: T.CloseResult | undefined;
  heartbeat: HeartbeatTimer | undefined;
  /** The handshake deadline (docs/behaviour.md#connect: the native client gives up after 20 s). */
  deadline: ReturnType<typeof setTimeout> | undefined;

  /** `normalised` is dropped on open: an idle connection need not keep its connect request alive. */
  constructor(readonly owner: ClientWebSocket, private normalised: Normalised | undefined, private readonly transport: Transport) {}

  start(): void {
    try {
      this.socket = this.transport.connect(this.normalised!.request, this);
    } catch (e) {
      // The contract says transports report failures, never throw; one that does fails the attempt.
      this.socket = INERT_SOCKET;
      queueMicrotask(() => this.fail(0, `the ${this.transport.capabilities.name} transport threw: ${thrownText(e)}`));
      return;
    }
    const ms = this.owner.handshakeTimeout;
    if (ms > 0) this.deadline = setTimeout(handshakeTimedOut, ms, this);
  }

  open(facts: OpenFacts): void {
    if (this.owner.session !== this || this.state !== 'connecting') return;
    const socket = this.socket!;
    const offered = this.normalised!.request.protocols;
    if (offered.length > 0 && !offered.includes(facts.protocol)) {
      // docs/behaviour.md#connect-options: a server that picks no protocol, or one not offered, fails the handshake. ws and
      // browsers enforce it already; some stacks (Deno's WebSocket) open anyway, so it is decided here.
      this.end();
      socket.terminate();
      this.owner.events.fire('error', connectFailed(0, `the server chose subprotocol "${facts.protocol}"`));
      return;
    }
    this.state = 'open';
    this.clearDeadline();
    // Data queued while connecting was sent earlier in program order than anything an `open`
    // listener sends, so it goes out first.
    for (const data of this.queue) socket.send(data);
    this.queue = [];
    const hb = this.normalised!.request.heartbeat;
    this.normalised = undefined;
    // The transport that pings delivers the core's heartbeat (checked at connect: 801 without it).
    if (hb && this.transport.capabilities.heartbeat && socket.ping) {
      this.heartbeat = this.transport.heartbeatCore?.(socket, hb.pingIntervalMs, hb.pongTimeoutMs);
    }
    const events = this.owner.events;
    if (facts.headers) events.fire('headerReceive', responseHeaders(facts.headers));
    const message = facts.statusText || 'Switching Protocols';
    events.fire('open', undefined, { status: facts.status, message });
    events.fire('openInfo', undefined, facts.protocol ? { status: facts.status, message, protocol: facts.protocol } : { status: facts.status, message });
  }

  message(data: string | ArrayBuffer): void {
    if (this.owner.session !== this) return;
    const events = this.owner.events;
    beginDelivery();
    try {
      events.fire('message', undefined, data);
      if (events.has('message')) events.fire('dataEnd');
    } finally {
      endDelivery(); // never left open: callbacks queued later must still run
    }
  }

  pong(): void {
    this.heartbeat?.pong();
  }

  fail(status: number, detail?: string): void {
    if (this.owner.session !== this) return;
    const local = this.localClose;
    this.end();
    // A close() while connecting aborts the attempt: report it as the close the caller asked for.
    if (local) this.owner.events.fire('close', undefined, local);
    else this.owner.events.fire('error', connectFailed(status, detail));
  }

  closed(code: number, reason: string, detail?: string): void {
    if (this.owner.session !== this) return;
    const local = this.localClose;
    this.end();
    const events = this.owner.events;
    if (local) events.fire('close', undefined, local);
    // A close frame without a status (1005 is how every stack reports that) is a normal close for
    // the native client: {1000, 'The link is down'}.
    else if (receivedCloseFrame(code)) events.fire('close', undefined, { code: code === 1005 ? 1000 : code, reason: reason || LINK_DOWN });
    else {
      events.fire('error', connectFailed(0, detail || reason || undefined));
      events.fire('close', undefined, { code: 0, reason: LINK_DOWN });
    }
  }

  private clearDeadline(): void {
    if (this.deadline !== undefined) clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  private end(): void {
    this.heartbeat?.stop();
    this.clearDeadline();
    this.queue = [];
    this.owner.session = undefined;
  }
}

/**
 * A HarmonyOS `webSocket.WebSocket`. Create it with `webSocket.createWebSocket()`.
 *
 * @example
 * const ws = webSocket.createWebSocket();
 * ws.on('open', (err, value) => ws.send('hello'));
 * ws.on('message', (err, data) => console.log(data));
 * ws.connect('wss://example.test/chat', { protocol: 'chat' }, (err, ok) => { if (err) console.error(err.code); });
 */
export class ClientWebSocket implements T.WebSocket {
  /** @internal */ session: Session | undefined;
  /** @internal */ readonly events = new Registry<ClientEvent>(EVENTS);

  /**
   * @param handshakeTimeout milliseconds a connection attempt may take before it fails with an
   *   `error` event {200, "0"}; 0 never gives up. See `CreateOptions.handshakeTimeout`.
   */
  constructor(/** @internal */ readonly transport: Transport, /** @internal */ readonly handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT_MS) {}

  /** Errors: 401, 2302001, -1 (no host; an `error` event follows), 2302003, 2302002, 801. */
  connect(url: string, callback: T.AsyncCallback<boolean>): void;
  connect(url: string, options: T.WebSocketRequestOptions | undefined, callback: T.AsyncCallback<boolean>): void;
  connect(url: string, options?: T.WebSocketRequestOptions): Promise<boolean>;
  connect(url: unknown, a?: unknown, b?: unknown): Promise<boolean> | undefined {
    const callback = typeof a === 'function' ? a : b;
    const optionsGiven = typeof b === 'function';
    const options = typeof a === 'function' ? undefined : a;
    return settle(callback, guard(() => connectResult(this, url, options, optionsGiven)));
  }

  /** Errors: 401 (not a string/ArrayBuffer, or over 5,242,864 bytes), -1 (no session). */
  send(data: string | ArrayBuffer, callback: T.AsyncCallback<boolean>): void;
  send(data: string | ArrayBuffer): Promise<boolean>;
  send(data: string | ArrayBuffer, callback?: T.AsyncCallback<boolean>): Promise<boolean> | undefined {
    // Inline rather than guard(): send is the hot path, and a try costs nothing when nothing throws.
    let outcome: Result<boolean>;
    try {
      outcome = sendResult(this, data);
    } catch (e) {
      outcome = fail(unreadable(e));
    }
    return settle(callback, outcome);
  }

  /** Errors: 401 (options not an object), 2302999 (no session, or already closing). */
  close(callback: T.AsyncCallback<boolean>): void;
  close(options: T.WebSocketCloseOptions | undefined, callback: T.AsyncCallback<boolean>): void;
  close(options?: T.WebSocketCloseOptions): Promise<boolean>;
  close(a?: unknown, b?: unknown): Promise<boolean> | undefined {
    const callback = typeof a === 'function' ? a : b;
    return settle(callback, guard(() => closeResult(this, typeof a === 'function' ? undefined : a)));
  }

  /** Registers the one listener of `type` (replacing any). Throws 401 for a bad type or callback. */
  on(type: string, callback: (...args: any[]) => void): void {
    this.events.on(type, callback);
  }

  /** Removes the listener of `type` (only `callback`, when given). Throws 401 for bad arguments. */
  off(type: string, callback?: (...args: any[]) => void): void {
    this.events.off(type, callback);
  }

  onOpen(cb: T.Callback<T.OpenResult>): void { this.events.on('open', cb, dataOnly); }
  offOpen(cb?: T.Callback<T.OpenResult>): void { this.events.off('open', cb); }
  // The official declarations give these two `AsyncCallback`s: `(undefined, value)`, as on() (docs/behaviour.md#callbacks-and-promises).
  onMessage(cb: T.AsyncCallback<string | ArrayBuffer>): void { this.events.on('message', cb); }
  offMessage(cb?: T.AsyncCallback<string | ArrayBuffer>): void { this.events.off('message', cb); }
  onWebSocketClose(cb: T.AsyncCallback<T.CloseResult>): void { this.events.on('close', cb); }
  offWebSocketClose(cb?: T.AsyncCallback<T.CloseResult>): void { this.events.off('close', cb); }
  onWebSocketError(cb: T.ErrorCallback): void { this.events.on('error', cb); }
  offWebSocketError(cb?: T.ErrorCallback): void { this.events.off('error', cb); }
  onDataEnd(cb: T.Callback<void>): void { this.events.on('dataEnd', cb); }
  offDataEnd(cb?: T.Callback<void>): void { this.events.off('dataEnd', cb); }
  onHeaderReceive(cb: T.Callback<T.ResponseHeaders>): void { this.events.on('headerReceive', cb); }
  offHeaderReceive(cb?: T.Callback<T.ResponseHeaders>): void { this.events.off('headerReceive', cb); }
}

/** connect()'s checks and start, as the outcome the callback or the promise gets. */
function connectResult(ws: ClientWebSocket, url: unknown, options: unknown, optionsGiven: boolean): Result<boolean> | Promise<boolean> {
  const normalised = normaliseConnect(url, options, optionsGiven, ws.transport);
  if (!normalised.ok) {
    if (normalised.error.code === ErrorCode.OTHER) {
      const e = connectFailed(0, NO_HOST);
      queueMicrotask(() => ws.events.fire('error', e));
      // -1 carries the connect-failure message here (docs/behaviour.md#errors), not the table's default text.
      return fail(new BusinessError(ErrorCode.OTHER, ErrorMessage[ErrorCode.CONNECT_FAILED], undefined, NO_HOST));
    }
    return fail(normalised.error);
  }
  if (ws.session) return fail(businessError(ErrorCode.CONNECTION_EXISTS, 'close() first, or use another WebSocket'));
  const session = new Session(ws, normalised.value, ws.transport);
  // A request that names files takes the file-checking step a transport that reads files delivers.
  const files = ws.transport.filesCore;
  if (normalised.value.files.length > 0 && files && ws.transport.fileExists) return files(ws, session, normalised.value);
  const e = checkCapabilities(normalised.value, ws.transport);
  if (e) return fail(e);
  ws.session = session;
  session.start();
  return ok(true);
}

const CLOSING = 'the connection is closing';

/** send()'s checks and delivery, as the outcome the callback or the promise gets. */
function sendResult(ws: ClientWebSocket, data: unknown): Result<boolean> {
  const bad = checkPayload(data);
  if (bad) return fail(bad);
  const s = ws.session;
  if (s?.state === 'open') s.socket!.send(data as string | ArrayBuffer);
  else if (s?.state === 'connecting') s.queue.push(data as string | ArrayBuffer);
  else return fail(businessError(ErrorCode.OTHER, s ? CLOSING : 'not connected; connect() and send after open'));
  return TRUE;
}

/** close()'s checks and start of the close, as the outcome the callback or the promise gets. */
function closeResult(ws: ClientWebSocket, options: unknown): Result<boolean> {
  const close = normaliseClose(options, ws.transport.capabilities.closeCodes === 'application');
  if (!close.ok) return close;
  const s = ws.session;
  if (!s || s.state === 'closing') {
    return fail(businessError(ErrorCode.UNKNOWN, s ? CLOSING : 'not connected'));
  }
  s.localClose = close.value;
  if (s.state === 'connecting') {
    s.state = 'closing';
    // No socket yet while the files are checked: the checks' continuation reports the close.
    s.socket?.terminate();
  } else {
    s.state = 'closing';
    s.heartbeat?.stop();
    s.socket!.close(close.value.code, close.value.reason);
  }
  return TRUE;
}
