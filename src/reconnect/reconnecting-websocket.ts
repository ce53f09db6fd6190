/**
 * A reconnecting HarmonyOS WebSocket, written only against the standard `webSocket` API.
 *
 * PORTABLE FILE: it imports nothing but the HarmonyOS kits and uses nothing but the `webSocket`
 * namespace it is given and the standard timers (`setTimeout`/`clearTimeout`), so the very same file
 * runs in a HarmonyOS app: copy it into your project as `ReconnectingWebSocket.ts` (a `.ts` file, next
 * to your `.ets` pages) and `import { createReconnectingWebSocket } from './ReconnectingWebSocket'`.
 * In this package it is `ohos-websocket/reconnect`, and the kit names resolve to the package itself.
 *
 * What it does and why (README "Reconnecting WebSocket"): one managed session survives link drops.
 * `open` fires on every successful connect; `close` fires only when the session ends for good (the
 * app closed it, it gave up, or `shouldReconnect` said no), so code written for a plain socket does
 * not see the link flapping; `reconnecting` and `giveUp` tell the rest.
 *
 * @module ohos-websocket/reconnect
 */
import { webSocket } from '@kit.NetworkKit';
import type { AsyncCallback, BusinessError, Callback, ErrorCallback } from '@kit.BasicServicesKit';

/**
 * The `open` result, `{status, message}`. The SDK declares `OpenResult` for static ArkTS
 * only (the TypeScript view types `open` as `AsyncCallback<Object>`), so it is spelled out here.
 */
export interface OpenResult {
  status: number;
  message: string;
}

/** A URL, or a function called before every attempt (token refresh) that returns or resolves one. */
export type UrlProvider = string | ((attempt: number) => string | Promise<string>);

/** Why an attempt or a link ended; given to `shouldReconnect` and the `reconnecting`/`giveUp` events. */
export interface ReconnectReason {
  /**
   * `'error'`: the attempt failed before `open` (refused, non-101 answer, TLS, an invalid URL from a
   * provider); `'close'`: an open link ended (peer close, drop, heartbeat timeout);
   * `'timeout'`: `connectTimeout` passed before `open`.
   */
  type: 'error' | 'close' | 'timeout';
  /** The close code for `'close'` (0 for an abnormal drop, as HarmonyOS reports it); else 0. */
  code: number;
  /** The close reason for `'close'`; else `''`. */
  reason: string;
  /** The HTTP status of a refused handshake (`error.data`, e.g. 503); 0 when there was none. */
  status: number;
  /** The error that was reported: the `error` event payload, or the failed `connect()`'s error. */
  error?: BusinessError<string>;
}

/** Payload of the `reconnecting` event: a retry is scheduled. */
export interface ReconnectingInfo {
  /** 1 for the first retry after a failure, 2 for the next, … (reset after `minUptime` of uptime). */
  attempt: number;
  /** Milliseconds until the retry. */
  delay: number;
  reason: ReconnectReason;
}

/** Payload of the `giveUp` event, fired just before the final `close`. */
export interface GiveUpInfo {
  /** Retries made since the backoff was last reset. */
  attempts: number;
  reason: ReconnectReason;
  /** `'maxRetries'`: the retries ran out; `'shouldReconnect'`: the policy said no. */
  stoppedBy: 'maxRetries' | 'shouldReconnect';
}

/** Where sockets come from: `webSocket` from `@kit.NetworkKit`, or any object with its factory. */
export interface WebSocketFactory {
  createWebSocket(): webSocket.WebSocket;
}

/** The policy knobs; every one is optional. Invalid values make `connect()` fail with 401. */
export interface ReconnectOptions {
  /** Where sockets come from. Default: `webSocket` from `@kit.NetworkKit` (in this package: the package's). */
  webSocket?: WebSocketFactory;
  /** Backoff ceiling of the first retry, ms. Default 1,000. */
  minDelay?: number;
  /** Largest backoff ceiling, ms. Default 30,000 (or `minDelay` when that is larger). */
  maxDelay?: number;
  /** Growth of the ceiling per retry: the n-th waits up to `min(maxDelay, minDelay·factor^(n−1))`. Default 2. */
  factor?: number;
  /** Full jitter: wait a uniformly random time in `[0, ceiling)`. `false` waits the ceiling exactly. Default true. */
  jitter?: boolean;
  /** The random source of the jitter, values in `[0, 1)`. Default `Math.random` (tests pass their own). */
  random?: () => number;
  /** Retries after consecutive failures before giving up (`giveUp`, then `close`). Default Infinity. */
  maxRetries?: number;
  /** A link must stay open this long (ms) to reset the backoff; one that dies sooner does not. Default 5,000. */
  minUptime?: number;
  /** Per attempt (URL provider included): ms to reach `open` before the attempt is abandoned. 0 = none. Default 10,000. */
  connectTimeout?: number;
  /** Called with the reason of each failure; `false` ends the session (`giveUp`, then `close`). Default: always retry. */
  shouldReconnect?: (reason: ReconnectReason) => boolean;
  /** Request options for each attempt (called per attempt, e.g. fresh headers); overrides `connect()`'s. */
  requestOptions?: (attempt: number) => webSocket.WebSocketRequestOptions | Promise<webSocket.WebSocketRequestOptions>;
  /** Messages `send` may queue while disconnected; one more fails with `QUEUE_FULL`. Default 1,000. */
  maxQueued?: number;
  /** Retry at once on an `online` event of `globalThis`, where it has such events (browsers). Default true. */
  retryOnOnline?: boolean;
}

/**
 * The code of the error a `send` gets when the queue is full (`Websocket Unknown Other Error`).
 *
 * @example
 * ws.send('x').catch((err) => { if (err.code === QUEUE_FULL) console.log(err.cause); });
 */
export const QUEUE_FULL = 2302999;

/** The managed session's state (an extension; HarmonyOS's socket has none). */
export type ReconnectState = 'idle' | 'connecting' | 'open' | 'backoff' | 'closing';

/**
 * A `webSocket.WebSocket` that keeps its session alive: every overload of `connect`/`send`/`close`,
 * `on`/`off` with the one-listener rule and the static aliases, plus the `reconnecting` and `giveUp`
 * events.
 *
 * @example
 * const ws = createReconnectingWebSocket({ maxRetries: 10 });
 * ws.on('open', () => console.log('online'));
 * ws.on('reconnecting', (info) => console.log(`retry ${info.attempt} in ${info.delay} ms`));
 * ws.on('close', (err, result) => console.log('session over', result.code));
 * ws.connect('wss://example.test/feed');
 */
export interface ReconnectingWebSocket {
  /**
   * Starts the managed session; resolves `true` once the first attempt started. `url` may be a
   * function called per attempt. Errors: as `webSocket.WebSocket.connect` for the first attempt
   * (401, 2302001, -1, 2302002, 801) when `url` is a string; 2302003 while a session is active; 401
   * for invalid `ReconnectOptions`.
   */
  connect(url: UrlProvider, callback: AsyncCallback<boolean>): void;
  connect(url: UrlProvider, options: webSocket.WebSocketRequestOptions | undefined, callback: AsyncCallback<boolean>): void;
  connect(url: UrlProvider, options?: webSocket.WebSocketRequestOptions): Promise<boolean>;

  /**
   * Sends on the open link, or queues (up to `maxQueued`) while connecting or backing off; the queue
   * is flushed in order after the next `open`. Errors: 401 (not a string/ArrayBuffer, or over
   * 5,242,864 bytes), `QUEUE_FULL` (2302999) when the queue is full, -1 with no session.
   */
  send(data: string | ArrayBuffer, callback: AsyncCallback<boolean>): void;
  send(data: string | ArrayBuffer): Promise<boolean>;

  /**
   * Ends the session for good, at once in every state: while open it closes the link (the `close`
   * event reports what was sent); while connecting or backing off it abandons the attempt or the
   * timer and fires `close` with the given code and reason. Errors: 401, 2302999 with no session.
   */
  close(callback: AsyncCallback<boolean>): void;
  close(options: webSocket.WebSocketCloseOptions | undefined, callback: AsyncCallback<boolean>): void;
  close(options?: webSocket.WebSocketCloseOptions): Promise<boolean>;

  /*
   * Each event is followed by its static-ArkTS alias (same slot, the official alias callback shape),
   * so one block says everything about one event.
   */
  /** `open` fires on every successful connect (first and each reconnect). */
  on(type: 'open', callback: AsyncCallback<Object>): void;
  off(type: 'open', callback?: AsyncCallback<Object>): void;
  onOpen(callback: Callback<OpenResult>): void;
  offOpen(callback?: Callback<OpenResult>): void;

  on(type: 'message', callback: AsyncCallback<string | ArrayBuffer>): void;
  off(type: 'message', callback?: AsyncCallback<string | ArrayBuffer>): void;
  onMessage(callback: AsyncCallback<string | ArrayBuffer>): void;
  offMessage(callback?: AsyncCallback<string | ArrayBuffer>): void;

  /** `close` fires once, when the session ends for good — never for a link that is being reconnected. */
  on(type: 'close', callback: AsyncCallback<webSocket.CloseResult>): void;
  off(type: 'close', callback?: AsyncCallback<webSocket.CloseResult>): void;
  onWebSocketClose(callback: AsyncCallback<webSocket.CloseResult>): void;
  offWebSocketClose(callback?: AsyncCallback<webSocket.CloseResult>): void;

  /** `error` fires for every failed attempt and every abnormal drop, as on the plain socket. */
  on(type: 'error', callback: ErrorCallback): void;
  off(type: 'error', callback?: ErrorCallback): void;
  onWebSocketError(callback: ErrorCallback): void;
  offWebSocketError(callback?: ErrorCallback): void;

  on(type: 'dataEnd', callback: Callback<void>): void;
  off(type: 'dataEnd', callback?: Callback<void>): void;
  onDataEnd(callback: Callback<void>): void;
  offDataEnd(callback?: Callback<void>): void;

  on(type: 'headerReceive', callback: Callback<webSocket.ResponseHeaders>): void;
  off(type: 'headerReceive', callback?: Callback<webSocket.ResponseHeaders>): void;
  onHeaderReceive(callback: Callback<webSocket.ResponseHeaders>): void;
  offHeaderReceive(callback?: Callback<webSocket.ResponseHeaders>): void;

  /** `openInfo` fires after `open`, with status, reason phrase and the chosen subprotocol (no static alias). */
  on(type: 'openInfo', callback: AsyncCallback<webSocket.WebSocketOpenInfo>): void;
  off(type: 'openInfo', callback?: AsyncCallback<webSocket.WebSocketOpenInfo>): void;

  /** Extension: a retry is scheduled (`attempt`, `delay` in ms, `reason`). */
  on(type: 'reconnecting', callback: Callback<ReconnectingInfo>): void;
  off(type: 'reconnecting', callback?: Callback<ReconnectingInfo>): void;
  onReconnecting(callback: Callback<ReconnectingInfo>): void;
  offReconnecting(callback?: Callback<ReconnectingInfo>): void;

  /** Extension: the session gives up (retries exhausted or `shouldReconnect` false); `close` follows. */
  on(type: 'giveUp', callback: Callback<GiveUpInfo>): void;
  off(type: 'giveUp', callback?: Callback<GiveUpInfo>): void;
  onGiveUp(callback: Callback<GiveUpInfo>): void;
  offGiveUp(callback?: Callback<GiveUpInfo>): void;

  /** Extension: `'idle'` (no session), `'connecting'`, `'open'`, `'backoff'` (waiting to retry), `'closing'`. */
  readonly state: ReconnectState;
}

/* ------------------------------------ small helpers ------------------------------------ */

const MAX_PAYLOAD = 5242864;
const MAX_TIMER = 2147483647;
const LINK_DOWN = 'The link is down';
const EVENTS = ['open', 'openInfo', 'message', 'close', 'error', 'dataEnd', 'headerReceive', 'reconnecting', 'giveUp'];
const MESSAGES: Record<number, string> = { [-1]: 'Websocket Unknown Other Error', 401: 'Parameter error', 2302003: 'Websocket connection already exist', 2302999: 'Websocket Unknown Other Error' };

type Listener = (...args: Object[]) => void;
interface Slot { dispatch: Listener; user: Function }
type TimerId = ReturnType<typeof setTimeout>;

/** A HarmonyOS-shaped error: own enumerable `code` and `message` (as `JSON.stringify` shows it natively), the fix in `cause`. */
function failure(code: number, cause: string): BusinessError<string> {
  const e = new Error() as BusinessError<string>;
  e.code = code;
  Object.defineProperty(e, 'message', { value: MESSAGES[code], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(e, 'name', { value: 'BusinessError', enumerable: false, writable: true, configurable: true });
  Object.defineProperty(e, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
  return e;
}

/** `on`/`off`'s 401: HarmonyOS throws the string "401", so it also compares `==` to "401" and 401. */
function thrown401(cause: string): BusinessError<string> {
  const e = failure(401, cause);
  Object.defineProperty(e, Symbol.toPrimitive, { value: (hint: string) => (hint === 'string' ? `BusinessError: Parameter error` : '401') });
  return e;
}

/** A user function's exception surfaces as an ordinary uncaught error from a fresh task. */
function callUser(fn: Function, args: Object[]): void {
  try {
    fn(...args);
  } catch (e) {
    setTimeout(() => { throw e; }, 0);
  }
}

/** Delivers a result HarmonyOS-style: to the callback as `(undefined, v)`/`(err)`, asynchronously, or as the Promise. */
function settle(callback: Object | undefined, result: Promise<boolean>): Promise<boolean> | undefined {
  if (typeof callback !== 'function') return result;
  const cb = callback as Function;
  result.then((v) => callUser(cb, [undefined as unknown as Object, v]), (e: Object) => callUser(cb, [e]));
  return undefined;
}

const rejected = (e: BusinessError<string>): Promise<boolean> => Promise.reject(e);

/** `e` when it is BusinessError-shaped, else a `code` error explaining what was thrown. */
function asBusinessError(e: unknown, code: number): BusinessError<string> {
  if (typeof e === 'object' && e !== null && typeof (e as BusinessError).code === 'number') return e as BusinessError<string>;
  return failure(code, `the socket threw instead of answering: ${String(e)}`);
}
const noop = (): void => {};

const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;

/** The payload size in bytes, or -1 when `data` is neither a string nor a real ArrayBuffer. */
function payloadSize(data: Object): number {
  if (typeof data === 'string') {
    if (data.length * 3 <= MAX_PAYLOAD) return data.length;
    let n = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && (data.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 4; // a surrogate pair
        i++;
      } else n += 3;
    }
    return n;
  }
  try {
    return byteLength.call(data) as number; // throws for anything but a real ArrayBuffer (look-alikes, Proxies)
  } catch (_e) {
    return -1;
  }
}

/** The close result a session ended by `close(options)` reports when no link was open (docs/behaviour.md#close, lenient fields). */
function requestedClose(options: webSocket.WebSocketCloseOptions | undefined): webSocket.CloseResult {
  const code = options === undefined ? undefined : options.code;
  const reason = options === undefined ? undefined : options.reason;
  const sendable = typeof code === 'number' && Number.isInteger(code) &&
    ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999));
  return { code: sendable ? (code as number) : 1000, reason: typeof reason === 'string' && reason !== '' ? reason : 'CLOSE_NORMAL' };
}

/** `requestedClose`, or the defaults when reading the options throws. */
function safeClose(options: webSocket.WebSocketCloseOptions | undefined): webSocket.CloseResult {
  try {
    return requestedClose(options);
  } catch (_e) {
    return requestedClose(undefined);
  }
}

/** The validated policy (or the 401 cause when an option is wrong). */
interface Policy {
  factory: WebSocketFactory;
  minDelay: number;
  maxDelay: number;
  factor: number;
  jitter: boolean;
  random: () => number;
  maxRetries: number;
  minUptime: number;
  connectTimeout: number;
  shouldReconnect: ((reason: ReconnectReason) => boolean) | undefined;
  requestOptions: ReconnectOptions['requestOptions'];
  maxQueued: number;
  retryOnOnline: boolean;
}

function readPolicy(o: ReconnectOptions | undefined): Policy | string {
  try {
    if (o !== undefined && (o === null || typeof o !== 'object')) return 'createReconnectingWebSocket() takes an options object or nothing';
    const opts: ReconnectOptions = o === undefined ? {} : o;
    const num = (name: string, value: number | undefined, fallback: number, min: number, integer: boolean): number | string => {
      if (value === undefined) return fallback;
      const ok = typeof value === 'number' && value >= min && (value === Infinity || (Number.isFinite(value) && (!integer || Number.isInteger(value))));
      return ok ? value : `options.${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got ${String(value)}`;
    };
    const minDelay = num('minDelay', opts.minDelay, 1000, 0, false);
    // An unset maxDelay never undercuts a larger minDelay.
    const maxDelay = num('maxDelay', opts.maxDelay, typeof minDelay === 'number' ? Math.max(30000, minDelay) : 30000, 0, false);
    const factor = num('factor', opts.factor, 2, 1, false);
    const maxRetries = num('maxRetries', opts.maxRetries, Infinity, 0, true);
    const minUptime = num('minUptime', opts.minUptime, 5000, 0, false);
    const connectTimeout = num('connectTimeout', opts.connectTimeout, 10000, 0, false);
    const maxQueued = num('maxQueued', opts.maxQueued, 1000, 0, true);
    for (const v of [minDelay, maxDelay, factor, maxRetries, minUptime, connectTimeout, maxQueued]) if (typeof v === 'string') return v;
    if (minDelay === Infinity) return 'options.minDelay must be finite';
    if ((maxDelay as number) < (minDelay as number)) return `options.maxDelay (${maxDelay}) must be ≥ options.minDelay (${minDelay})`;
    const factory = opts.webSocket === undefined ? (webSocket as WebSocketFactory) : opts.webSocket;
    if (factory === null || typeof factory !== 'object' || typeof factory.createWebSocket !== 'function') {
      return 'options.webSocket must be the webSocket namespace (an object with createWebSocket())';
    }
    const fn = (name: string, value: Object | undefined): string | undefined =>
      value === undefined || typeof value === 'function' ? undefined : `options.${name} must be a function`;
    const bool = (name: string, value: boolean | undefined): string | undefined =>
      value === undefined || typeof value === 'boolean' ? undefined : `options.${name} must be true or false`;
    const wrong = fn('random', opts.random) ?? fn('shouldReconnect', opts.shouldReconnect) ?? fn('requestOptions', opts.requestOptions) ??
      bool('jitter', opts.jitter) ?? bool('retryOnOnline', opts.retryOnOnline);
    if (wrong !== undefined) return wrong;
    return {
      factory,
      minDelay: minDelay as number,
      maxDelay: maxDelay as number,
      factor: factor as number,
      jitter: opts.jitter !== false,
      random: opts.random === undefined ? Math.random : opts.random,
      maxRetries: maxRetries as number,
      minUptime: minUptime as number,
      connectTimeout: connectTimeout as number,
      shouldReconnect: opts.shouldReconnect,
      requestOptions: opts.requestOptions,
      maxQueued: maxQueued as number,
      retryOnOnline: opts.retryOnOnline !== false,
    };
  } catch (e) {
    return `reading the options threw: ${String(e)}`;
  }
}

/** The `online` event source: `globalThis` where it has events (browsers), else none. */
interface OnlineSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}
function onlineSource(): OnlineSource | undefined {
  const g = globalThis as Object as Partial<OnlineSource>;
  return typeof g.addEventListener === 'function' && typeof g.removeEventListener === 'function' ? (g as OnlineSource) : undefined;
}

/** One connection attempt: its socket, its timeout and whether it reached `open`. */
class Attempt {
  socket: webSocket.WebSocket | undefined;
  timeout: TimerId | undefined;
  opened = false;
  lastError: BusinessError<string> | undefined;
}

/* ------------------------------------- the session ------------------------------------- */

class Reconnecting {
  private current: ReconnectState = 'idle';
  private readonly slots = new Map<string, Slot>();
  private attempt: Attempt | undefined;
  private retries = 0;
  private tries = 0;
  private queue: Array<string | ArrayBuffer> = [];
  private backoff: TimerId | undefined;
  private uptime: TimerId | undefined;
  private url: UrlProvider = '';
  private options: webSocket.WebSocketRequestOptions | undefined;
  private online: OnlineSource | undefined;
  private readonly onOnline = (): void => this.retryNow();

  constructor(private readonly policy: Policy | string) {}

  get state(): ReconnectState {
    return this.current;
  }

  connect(url: UrlProvider, a?: Object, b?: Object): Promise<boolean> | undefined {
    const callback = typeof a === 'function' ? a : b;
    const options = typeof a === 'function' ? undefined : (a as webSocket.WebSocketRequestOptions | undefined);
    if (typeof b === 'function' && (a === undefined || a === null)) {
      return settle(callback, rejected(failure(401, 'connect(url, options, callback) takes an options object; use connect(url, callback) without options')));
    }
    return settle(callback, this.begin(url, options));
  }

  private begin(url: UrlProvider, options: webSocket.WebSocketRequestOptions | undefined): Promise<boolean> {
    const policy = this.policy;
    if (typeof policy === 'string') return rejected(failure(401, policy));
    if (typeof url !== 'string' && typeof url !== 'function') return rejected(failure(401, `connect() takes a URL string or a function returning one, got ${url === null ? 'null' : typeof url}`));
    if (this.current !== 'idle') return rejected(failure(2302003, 'close() this session first, or create another reconnecting WebSocket'));
    this.url = url;
    this.options = options;
    this.retries = 0;
    this.tries = 0;
    if (policy.retryOnOnline) {
      this.online = onlineSource();
      if (this.online !== undefined) this.online.addEventListener('online', this.onOnline);
    }
    const first = this.start();
    if (first === undefined) return Promise.resolve(true);
    // A string URL is tried at once, so its mistakes (401, 2302001, 801, …) reach this call and end
    // the session, as on the plain socket.
    const attempt = this.attempt;
    return first.then(() => true, (e: BusinessError<string>) => {
      if (this.attempt === attempt) this.end();
      throw e;
    });
  }

  /** Starts an attempt; returns the socket's `connect()` promise when it could be called synchronously. */
  private start(): Promise<boolean> | undefined {
    const policy = this.policy as Policy;
    const attempt = new Attempt();
    this.attempt = attempt;
    this.current = 'connecting';
    const n = this.tries++;
    if (policy.connectTimeout > 0) {
      attempt.timeout = setTimeout(() => this.timedOut(attempt), Math.min(policy.connectTimeout, MAX_TIMER));
    }
    const url = this.url;
    if (typeof url === 'string' && policy.requestOptions === undefined) {
      const first = this.open(attempt, url, this.options);
      if (n === 0) return first;
      first.then(noop, (e: BusinessError<string>) => this.failed(attempt, { type: 'error', code: 0, reason: '', status: 0, error: e }));
      return undefined;
    }
    const provider = policy.requestOptions;
    new Promise<[string, webSocket.WebSocketRequestOptions | undefined]>((resolve) => {
      const u = typeof url === 'string' ? url : url(n);
      const o = provider === undefined ? this.options : provider(n);
      resolve(Promise.all([u, o]));
    }).then(([u, o]) => {
      if (this.attempt !== attempt) return;
      if (typeof u !== 'string') throw failure(401, `the URL provider returned ${u === null ? 'null' : typeof u}, not a string`);
      return this.open(attempt, u, o);
    }).then(noop, (e: Object) => {
      const error = typeof e === 'object' && e !== null && typeof (e as BusinessError).code === 'number'
        ? (e as BusinessError<string>) : failure(2302999, `the URL or request options provider failed: ${String(e)}`);
      this.failed(attempt, { type: 'error', code: 0, reason: '', status: 0, error });
    });
    return undefined;
  }

  /** Creates the attempt's socket, wires its events to this session, connects it. */
  private open(attempt: Attempt, url: string, options: webSocket.WebSocketRequestOptions | undefined): Promise<boolean> {
    let socket: webSocket.WebSocket;
    try {
      socket = (this.policy as Policy).factory.createWebSocket();
      attempt.socket = socket;
      socket.on('headerReceive', (headers) => { if (this.attempt === attempt) this.fire('headerReceive', [headers]); });
      socket.on('open', (_e, result) => this.opened(attempt, result));
      socket.on('openInfo', (e, info) => { if (this.attempt === attempt) this.fire('openInfo', [e, info]); });
      socket.on('message', (e, data) => {
        if (this.attempt !== attempt) return;
        this.fire('message', [e, data]);
        if (this.slots.has('message')) this.fire('dataEnd', []);
      });
      socket.on('error', (e) => this.errored(attempt, e as BusinessError<string>));
      socket.on('close', (_e, result) => this.closed(attempt, result));
      return options === undefined ? socket.connect(url) : socket.connect(url, options);
    } catch (e) {
      // A socket must not throw (HarmonyOS answers through the promise); if one does, say so as a 401.
      return rejected(asBusinessError(e, 401));
    }
  }

  private opened(attempt: Attempt, result: Object): void {
    if (this.attempt !== attempt || this.current !== 'connecting') return;
    const policy = this.policy as Policy;
    this.clearTimer(attempt.timeout);
    attempt.opened = true;
    this.current = 'open';
    if (policy.minUptime > 0) this.uptime = setTimeout(() => { this.uptime = undefined; this.retries = 0; }, Math.min(policy.minUptime, MAX_TIMER));
    else this.retries = 0;
    // Queued data was sent earlier in program order than anything an `open` listener sends: it goes first.
    const queued = this.queue;
    this.queue = [];
    const socket = attempt.socket as webSocket.WebSocket;
    for (const data of queued) socket.send(data).then(noop, noop);
    this.fire('open', [undefined as unknown as Object, result]);
  }

  private errored(attempt: Attempt, e: BusinessError<string>): void {
    if (this.attempt !== attempt) return;
    this.fire('error', [e]);
    if (this.attempt !== attempt) return; // the listener closed the session
    if (attempt.opened) {
      attempt.lastError = e; // a drop: its `close` follows
      return;
    }
    // Decided one microtask later: when connect() itself fails (-1, no host) its error event comes
    // first, and the failed first attempt must end the session, not schedule a retry.
    const reason: ReconnectReason = { type: 'error', code: 0, reason: '', status: Number(e.data) || 0, error: e };
    Promise.resolve().then(() => this.failed(attempt, reason));
  }

  private closed(attempt: Attempt, result: webSocket.CloseResult): void {
    if (this.attempt !== attempt) return;
    if (this.current === 'closing') {
      this.end();
      this.fire('close', [undefined as unknown as Object, result]);
      return;
    }
    this.failed(attempt, {
      type: attempt.opened ? 'close' : 'error', code: result.code, reason: result.reason, status: 0, error: attempt.lastError,
    });
  }

  private timedOut(attempt: Attempt): void {
    if (this.attempt !== attempt) return;
    attempt.timeout = undefined;
    this.failed(attempt, { type: 'timeout', code: 0, reason: '', status: 0 });
  }

  /** An attempt or a link ended: retry with backoff, or give up. */
  private failed(attempt: Attempt, reason: ReconnectReason): void {
    if (this.attempt !== attempt) return;
    this.drop(attempt);
    const policy = this.policy as Policy;
    let retry = true;
    if (policy.shouldReconnect !== undefined) {
      try {
        retry = policy.shouldReconnect(reason) !== false;
      } catch (e) {
        setTimeout(() => { throw e; }, 0); // the policy's bug surfaces; the session keeps its default (retry)
      }
    }
    if (!retry || this.retries >= policy.maxRetries) {
      const attempts = this.retries;
      this.end();
      this.fire('giveUp', [{ attempts, reason, stoppedBy: retry ? 'maxRetries' : 'shouldReconnect' } as GiveUpInfo]);
      const result: webSocket.CloseResult = reason.type === 'close' ? { code: reason.code, reason: reason.reason } : { code: 0, reason: LINK_DOWN };
      this.fire('close', [undefined as unknown as Object, result]);
      return;
    }
    this.retries++;
    const delay = this.delayOf(this.retries);
    this.current = 'backoff';
    this.backoff = setTimeout(() => this.retryNow(), delay);
    this.fire('reconnecting', [{ attempt: this.retries, delay, reason } as ReconnectingInfo]);
  }

  /** Full jitter: uniform in [0, min(maxDelay, minDelay·factor^(n−1))). */
  private delayOf(n: number): number {
    const p = this.policy as Policy;
    const ceiling = Math.min(p.maxDelay, p.minDelay * Math.pow(p.factor, n - 1));
    let r = 1;
    if (p.jitter) {
      try {
        r = Number(p.random());
      } catch (_e) {
        r = Math.random();
      }
      if (!(r >= 0 && r < 1)) r = Math.random();
    }
    return Math.min(Math.floor(ceiling * r), MAX_TIMER);
  }

  /** The backoff timer fired, or the device came online: try now. */
  private retryNow(): void {
    if (this.current !== 'backoff') return;
    this.clearTimer(this.backoff);
    this.backoff = undefined;
    this.start();
  }

  /** Detaches an attempt: its events are ignored from now on and its socket, if still alive, is dropped. */
  private drop(attempt: Attempt): void {
    this.attempt = undefined;
    this.clearTimer(attempt.timeout);
    this.clearTimer(this.uptime);
    this.uptime = undefined;
    const socket = attempt.socket;
    if (socket !== undefined && !attempt.opened) socket.close().then(noop, noop); // abort a connecting attempt
  }

  /** The session is over: nothing is left running. */
  private end(): void {
    if (this.attempt !== undefined) this.drop(this.attempt);
    this.clearTimer(this.backoff);
    this.backoff = undefined;
    if (this.online !== undefined) this.online.removeEventListener('online', this.onOnline);
    this.online = undefined;
    this.queue = [];
    this.current = 'idle';
  }

  private clearTimer(id: TimerId | undefined): void {
    if (id !== undefined) clearTimeout(id);
  }

  send(data: string | ArrayBuffer, callback?: AsyncCallback<boolean>): Promise<boolean> | undefined {
    const attempt = this.attempt;
    if (this.current === 'open' && attempt !== undefined && attempt.socket !== undefined) {
      try {
        if (callback === undefined) return attempt.socket.send(data);
        attempt.socket.send(data, callback);
        return undefined;
      } catch (e) {
        return settle(callback, rejected(asBusinessError(e, 401)));
      }
    }
    return settle(callback, this.enqueue(data));
  }

  private enqueue(data: string | ArrayBuffer): Promise<boolean> {
    const size = payloadSize(data);
    if (size < 0) return rejected(failure(401, `send() takes a string or an ArrayBuffer, got ${data === null ? 'null' : typeof data}`));
    if (size > MAX_PAYLOAD) return rejected(failure(401, `the message is over ${MAX_PAYLOAD} bytes; split it into several messages`));
    if (this.current !== 'connecting' && this.current !== 'backoff') {
      return rejected(failure(-1, this.current === 'idle' ? 'no session: call connect() first' : 'the session is closing'));
    }
    const max = (this.policy as Policy).maxQueued;
    if (this.queue.length >= max) return rejected(failure(QUEUE_FULL, `the send queue is full (maxQueued ${max}) while the link is down`));
    this.queue.push(data);
    return Promise.resolve(true);
  }

  close(a?: Object, b?: Object): Promise<boolean> | undefined {
    const callback = typeof a === 'function' ? a : b;
    const options = typeof a === 'function' ? undefined : a;
    return settle(callback, this.shut(options as webSocket.WebSocketCloseOptions | undefined));
  }

  private shut(options: webSocket.WebSocketCloseOptions | undefined): Promise<boolean> {
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      return rejected(failure(401, 'close options must be an object like { code: 1000, reason: "bye" }'));
    }
    const state = this.current;
    if (state === 'idle' || state === 'closing') {
      return rejected(failure(2302999, state === 'idle' ? 'no session to close' : 'the session is already closing'));
    }
    const attempt = this.attempt;
    if (state === 'open' && attempt !== undefined && attempt.socket !== undefined) {
      // Close the link; its `close` event ends the session and reports what was sent.
      let closing: Promise<boolean>;
      try {
        closing = options === undefined ? attempt.socket.close() : attempt.socket.close(options);
      } catch (e) {
        return rejected(asBusinessError(e, 401)); // the link stays open, as after a refused close()
      }
      this.current = 'closing';
      this.clearTimer(this.uptime);
      this.uptime = undefined;
      return closing.then(undefined, (e: Object) => {
        // The link ended under us: end the session anyway, never stay in 'closing'.
        if (this.attempt === attempt) {
          this.end();
          this.fire('close', [undefined as unknown as Object, safeClose(options)]);
        }
        throw e;
      });
    }
    // Connecting or backing off: no link to close. End now; `close` follows asynchronously, as it does for a link.
    let result: webSocket.CloseResult;
    try {
      result = requestedClose(options);
    } catch (e) {
      return rejected(failure(401, `reading the close options threw: ${String(e)}`));
    }
    this.end();
    Promise.resolve().then(() => this.fire('close', [undefined as unknown as Object, result]));
    return Promise.resolve(true);
  }

  /* one listener per type (HarmonyOS): `on` replaces, `off(type)` removes, `off(type, fn)` only that fn */

  on(type: string, callback: Function, adapt?: (user: Function) => Listener): void {
    if (typeof type !== 'string') throw thrown401(`on() takes an event name string, got ${typeof type}`);
    if (typeof callback !== 'function') throw thrown401(`on('${type}') takes a callback function, got ${typeof callback}`);
    if (EVENTS.indexOf(type) < 0) return; // unknown names are ignored, as on HarmonyOS
    this.slots.set(type, { dispatch: adapt === undefined ? (callback as Listener) : adapt(callback), user: callback });
  }

  off(type: string, callback?: Function): void {
    if (typeof type !== 'string') throw thrown401(`off() takes an event name string, got ${typeof type}`);
    if (callback !== undefined && callback !== null && typeof callback !== 'function') {
      throw thrown401(`off('${type}') takes a callback function or nothing, got ${typeof callback}`);
    }
    const slot = this.slots.get(type);
    if (slot !== undefined && (callback === undefined || callback === null || slot.user === callback)) this.slots.delete(type);
  }

  /** Calls the listener of `type` with exactly `args`; a throwing listener is reported, never propagated. */
  private fire(type: string, args: Object[]): void {
    const slot = this.slots.get(type);
    if (slot !== undefined) callUser(slot.dispatch, args);
  }

  onOpen(cb: Callback<OpenResult>): void { this.on('open', cb, dataOnly); }
  offOpen(cb?: Callback<OpenResult>): void { this.off('open', cb); }
  onMessage(cb: AsyncCallback<string | ArrayBuffer>): void { this.on('message', cb); }
  offMessage(cb?: AsyncCallback<string | ArrayBuffer>): void { this.off('message', cb); }
  onWebSocketClose(cb: AsyncCallback<webSocket.CloseResult>): void { this.on('close', cb); }
  offWebSocketClose(cb?: AsyncCallback<webSocket.CloseResult>): void { this.off('close', cb); }
  onWebSocketError(cb: ErrorCallback): void { this.on('error', cb); }
  offWebSocketError(cb?: ErrorCallback): void { this.off('error', cb); }
  onDataEnd(cb: Callback<void>): void { this.on('dataEnd', cb); }
  offDataEnd(cb?: Callback<void>): void { this.off('dataEnd', cb); }
  onHeaderReceive(cb: Callback<webSocket.ResponseHeaders>): void { this.on('headerReceive', cb); }
  offHeaderReceive(cb?: Callback<webSocket.ResponseHeaders>): void { this.off('headerReceive', cb); }
  onReconnecting(cb: Callback<ReconnectingInfo>): void { this.on('reconnecting', cb); }
  offReconnecting(cb?: Callback<ReconnectingInfo>): void { this.off('reconnecting', cb); }
  onGiveUp(cb: Callback<GiveUpInfo>): void { this.on('giveUp', cb); }
  offGiveUp(cb?: Callback<GiveUpInfo>): void { this.off('giveUp', cb); }
}

/** `onOpen` takes `Callback<OpenResult>`: it gets the result only. */
const dataOnly = (user: Function): Listener => (_err: Object, data: Object) => user(data);

/**
 * Creates a reconnecting WebSocket: the whole `webSocket.WebSocket` interface over a managed session.
 * Never throws; invalid options make `connect()` fail with 401 (the `cause` names the option).
 *
 * @example
 * import { createReconnectingWebSocket } from 'ohos-websocket/reconnect'; // in an ArkTS app: './ReconnectingWebSocket'
 * const ws = createReconnectingWebSocket({
 *   shouldReconnect: (r) => r.code !== 1008 && !(r.status >= 400 && r.status < 500),
 * });
 * ws.on('message', (err, data) => console.log(data));
 * ws.connect(async () => `wss://example.test/feed?token=${await freshToken()}`);
 * ws.send('queued until the first open');
 */
export function createReconnectingWebSocket(options?: ReconnectOptions): ReconnectingWebSocket {
  return new Reconnecting(readPolicy(options)) as Object as ReconnectingWebSocket;
}
