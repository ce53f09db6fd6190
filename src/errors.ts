/**
 * The one error class of the package and the one table of its codes (docs/behaviour.md#errors).
 *
 * HarmonyOS reports failures as `BusinessError { code, message, data? }`. `message` is exactly the
 * native text (apps compare it and log `JSON.stringify(err)`); what was wrong and how to fix it goes
 * in the non-enumerable `cause`, because "Parameter error" alone helps nobody (docs/behaviour.md#errors).
 */

import { show, thrownText } from './is.js';

/**
 * Every code this package can produce, plus the HarmonyOS-only ones (exported, never produced).
 *
 * @example
 * ws.connect('').catch((err) => console.log(err.code === ErrorCode.URL_ERROR, err.cause));
 */
export const ErrorCode = {
  /**
   * A connection attempt failed or an open link dropped (error events only; `data` = HTTP status).
   *
   * @example
   * ws.on('error', (err) => { if (err.code === webSocket.ErrorCode.CONNECT_FAILED) console.log(err.data, err.cause); });
   */
  CONNECT_FAILED: 200,
  /**
   * HarmonyOS permission check; never produced on the web.
   *
   * @example
   * err.code === webSocket.ErrorCode.PERMISSION_DENIED
   */
  PERMISSION_DENIED: 201,
  /**
   * `connect` to a URL without a host, or `send` without a session.
   *
   * @example
   * ws.send('x').catch((err) => err.code === webSocket.ErrorCode.OTHER)
   */
  OTHER: -1,
  /**
   * An argument has the wrong type or value (`cause` says which).
   *
   * @example
   * ws.connect(null).catch((err) => console.log(err.code === webSocket.ErrorCode.PARAMETER_ERROR, err.cause))
   */
  PARAMETER_ERROR: 401,
  /**
   * The active transport cannot honour an option or feature (`cause` names both).
   *
   * @example
   * if (err.code === webSocket.ErrorCode.CAPABILITY_NOT_SUPPORTED) console.log(err.cause)
   */
  CAPABILITY_NOT_SUPPORTED: 801,
  /**
   * The URL is empty, unparseable, over 8196 characters, or not `ws:`/`wss:`.
   *
   * @example
   * ws.connect('http://x').catch((err) => err.code === webSocket.ErrorCode.URL_ERROR)
   */
  URL_ERROR: 2302001,
  /**
   * `caPath`, `clientCert` or `serverCert` names a missing file.
   *
   * @example
   * err.code === webSocket.ErrorCode.CERT_FILE_NOT_FOUND
   */
  CERT_FILE_NOT_FOUND: 2302002,
  /**
   * `connect` while this object already has a session.
   *
   * @example
   * err.code === webSocket.ErrorCode.CONNECTION_EXISTS
   */
  CONNECTION_EXISTS: 2302003,
  /**
   * Server `serverIP` is not a valid IP address.
   *
   * @example
   * err.code === webSocket.ErrorCode.CANNOT_LISTEN_NIC
   */
  CANNOT_LISTEN_NIC: 2302004,
  /**
   * Server `serverPort` is not a valid port.
   *
   * @example
   * err.code === webSocket.ErrorCode.CANNOT_LISTEN_PORT
   */
  CANNOT_LISTEN_PORT: 2302005,
  /**
   * Server `send`/`close` to an unknown connection.
   *
   * @example
   * err.code === webSocket.ErrorCode.CONNECTION_NOT_EXIST
   */
  CONNECTION_NOT_EXIST: 2302006,
  /**
   * Server port already in use.
   *
   * @example
   * err.code === webSocket.ErrorCode.PORT_OCCUPIED
   */
  PORT_OCCUPIED: 2302007,
  /**
   * HarmonyOS domain policy; never produced on the web.
   *
   * @example
   * err.code === webSocket.ErrorCode.DOMAIN_NOT_ALLOWED
   */
  DOMAIN_NOT_ALLOWED: 2302998,
  /**
   * `close` without a session; server already started / not started; other failures.
   *
   * @example
   * err.code === webSocket.ErrorCode.UNKNOWN
   */
  UNKNOWN: 2302999,
} as const;

/**
 * The native message for each code (docs/behaviour.md#errors).
 *
 * @example
 * ErrorMessage[401]; // 'Parameter error'
 */
export const ErrorMessage: Readonly<Record<number, string>> = {
  200: 'Websocket connect failed',
  201: 'Permission denied',
  [-1]: 'Websocket Unknown Other Error',
  401: 'Parameter error',
  801: 'Capability not supported',
  2302001: 'Websocket url error',
  2302002: 'Websocket certificate file does not exist',
  2302003: 'Websocket connection already exist',
  2302004: "Can't listen to the given NIC",
  2302005: "Can't listen to the given Port",
  2302006: 'websocket connection does not exist',
  2302007: 'Websocket port already occupied',
  2302998: 'It is not allowed to access this domain',
  2302999: 'Websocket Unknown Other Error',
};

/** Defines `key` on `target` as an own data property with the given enumerability. */
function own(target: object, key: string, value: unknown, enumerable: boolean): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
}

/**
 * The error every operation of this package reports, shaped like HarmonyOS's `BusinessError<T>` from
 * `@ohos.base`: a real `Error` with a numeric `code`, the native `message` and optional `data`.
 *
 * HarmonyOS hands callbacks a plain `{code, message}` object and apps log it with
 * `JSON.stringify(err)`, so `code`, `message` (and `data`, when there is data) are own enumerable
 * properties in that order and `message` is exactly the native text (docs/behaviour.md#errors). What was wrong and
 * how to fix it is in `cause`: a string, not enumerable, printed by Node's and browsers' consoles
 * under the message. See docs/behaviour.md.
 *
 * @example
 * ws.send(42 as never).catch((err: BusinessError) => {
 *   console.log(JSON.stringify(err)); // {"code":401,"message":"Parameter error"}
 *   console.log(err.cause);           // send() data must be a string or an ArrayBuffer (…), got 42
 * });
 */
export class BusinessError<T = void> extends Error {
  /** The HarmonyOS error code (docs/behaviour.md#errors). @example if (err.code === 401) console.log(err.cause) */
  declare code: number;
  /** Extra data; for error events (code 200) the HTTP status as a string. @example ws.on('error', (err) => console.log(err.data)) // '404' */
  declare data?: T;
  /** What was wrong and how to fix it (not enumerable: `JSON.stringify` shows the native shape only). @example console.error(err.message, err.cause) */
  declare cause?: string;

  /**
   * @param code the HarmonyOS code; `message` defaults to its native text.
   * @param cause the explanation, stored as the non-enumerable `cause`.
   */
  constructor(code: number, message?: string, data?: T, cause?: string) {
    super();
    // Own enumerable `code`, `message`, `data`, created in that order so `JSON.stringify` prints
    // them as HarmonyOS apps see them. (`super(message)` would make `message` non-enumerable.)
    this.code = code;
    own(this, 'message', message ?? ErrorMessage[code] ?? ErrorMessage[ErrorCode.UNKNOWN], true);
    if (data !== undefined) this.data = data;
    if (cause !== undefined) own(this, 'cause', cause, false);
  }
}
// On the prototype, so it is not an own enumerable property (it would show in JSON.stringify).
own(BusinessError.prototype, 'name', 'BusinessError', false);

/** Builds the error for `code` with its native message and `cause` as the explanation. */
export function businessError<T = void>(code: number, cause?: string, data?: T): BusinessError<T> {
  return new BusinessError<T>(code, undefined, data, cause);
}

/** Shorthand for a 401 with its explanation. */
export const paramError = (cause: string): BusinessError => businessError(ErrorCode.PARAMETER_ERROR, cause);

/**
 * The one shape of a wrong-value cause: `<what> must be <want>, got <value>` (what was wrong, and
 * what to pass instead).
 */
export const mustBe = (what: string, want: string, value: unknown): string => `${what} must be ${want}, got ${show(value)}`;

/** The 401 for a value that is not what it must be (see {@link mustBe}). */
export const invalid = (what: string, want: string, value: unknown): BusinessError => paramError(mustBe(what, want, value));

/**
 * The payload of a client or server `error` event (docs/behaviour.md#client-events, §4): natively `{code: 200, data}` with
 * no message, so `message` (`Websocket connect failed`) is there but not enumerable and
 * `JSON.stringify(err)` gives `{"code":200,"data":"0"}`.
 */
export function connectFailed(status: number | string, cause?: string): BusinessError<string> {
  const e = new BusinessError<string>(ErrorCode.CONNECT_FAILED, undefined, String(status), cause);
  own(e, 'message', ErrorMessage[ErrorCode.CONNECT_FAILED], false);
  return e;
}

/**
 * The 401 that `on`/`off` throw. HarmonyOS throws the bare string `"401"` there, so apps test
 * `e == '401'` or `e == 401`; this error compares equal to both (its primitive value is the code)
 * while staying a real `Error` with `code`, message and stack. `String(e)` is the usual text.
 */
export function thrownParamError(cause: string): BusinessError {
  const e = paramError(cause);
  Object.defineProperty(e, Symbol.toPrimitive, {
    value: (hint: string) => (hint === 'string' ? e.toString() : String(e.code)),
  });
  return e;
}

/**
 * True for any `BusinessError`-shaped value, across realms and package copies: checks the shape
 * (`Error`-like object with a numeric `code`), not `instanceof`.
 *
 * @example
 * try { ws.on(42 as never, () => {}); } catch (e) { if (isBusinessError(e)) console.log(e.code); }
 */
export function isBusinessError(value: unknown): value is BusinessError<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return typeof (value as { code?: unknown }).code === 'number' && typeof (value as { message?: unknown }).message === 'string';
  } catch {
    return false; // a Proxy or a getter that throws is not an error we made
  }
}

/** The cause for an argument that threw when read (a getter, a Proxy trap, a revoked Proxy). */
export const threwWhenRead = (e: unknown): string => `an argument threw when read (${thrownText(e)}); pass plain values`;

/**
 * The 401 for an argument that throws when read: nothing but `on`/`off` throws
 * (docs/behaviour.md#argument-errors), so such an argument is a parameter error like any other.
 */
export const unreadable = (e: unknown): BusinessError => paramError(threwWhenRead(e));
