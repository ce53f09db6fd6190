/**
 * The one error class of the package and the one table of its codes (SPEC §4).
 *
 * HarmonyOS reports failures as `BusinessError { code, message, data? }`. We keep the native
 * message as the first sentence (apps match on it) and append a hint saying what was wrong and how
 * to fix it, because "Parameter error" alone helps nobody.
 */

/** Every code this package can produce, plus the HarmonyOS-only ones (exported, never produced). */
export const ErrorCode = {
  /** A connection attempt failed or an open link dropped (error events only; `data` = HTTP status). */
  CONNECT_FAILED: 200,
  /** HarmonyOS permission check; never produced on the web. */
  PERMISSION_DENIED: 201,
  /** `connect` to a URL without a host, or `send` without a session. */
  OTHER: -1,
  /** An argument has the wrong type or value. */
  PARAMETER_ERROR: 401,
  /** The active transport cannot honour an option or feature. */
  CAPABILITY_NOT_SUPPORTED: 801,
  URL_ERROR: 2302001,
  CERT_FILE_NOT_FOUND: 2302002,
  CONNECTION_EXISTS: 2302003,
  CANNOT_LISTEN_NIC: 2302004,
  CANNOT_LISTEN_PORT: 2302005,
  CONNECTION_NOT_EXIST: 2302006,
  PORT_OCCUPIED: 2302007,
  /** HarmonyOS domain policy; never produced on the web. */
  DOMAIN_NOT_ALLOWED: 2302998,
  UNKNOWN: 2302999,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The native message for each code (SPEC §4). */
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

/**
 * The error every operation of this package reports, shaped like HarmonyOS's
 * `BusinessError<T>` from `@ohos.base`: a real `Error` with a numeric `code` and optional `data`.
 *
 * @example
 * ws.send(42 as never).catch((err: BusinessError) => {
 *   if (err.code == 401) console.error(err.message); // "Parameter error: send() takes a string or an ArrayBuffer …"
 * });
 */
export class BusinessError<T = void> extends Error {
  /** The HarmonyOS error code (SPEC §4). */
  code: number;
  /** Extra data; for error events (code 200) the HTTP status as a string. */
  data?: T;

  constructor(code: number, message?: string, data?: T) {
    super(message ?? ErrorMessage[code] ?? 'Websocket Unknown Other Error');
    this.name = 'BusinessError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

/**
 * Builds the error for `code` with the native message, followed by `hint` when given.
 * The native message stays first so `err.message.startsWith('Parameter error')` keeps working.
 */
export function businessError<T = void>(code: number, hint?: string, data?: T): BusinessError<T> {
  const base = ErrorMessage[code] ?? 'Websocket Unknown Other Error';
  return new BusinessError<T>(code, hint ? `${base}: ${hint}` : base, data);
}

/** Shorthand for a 401 with a hint. */
export const paramError = (hint: string): BusinessError => businessError(ErrorCode.PARAMETER_ERROR, hint);

/**
 * The 401 that `on`/`off` throw. HarmonyOS throws the bare string `"401"` there, so apps test
 * `e == '401'` or `e == 401`; this error compares equal to both (its primitive value is the code)
 * while staying a real `Error` with `code`, message and stack. `String(e)` is the usual text.
 */
export function thrownParamError(hint: string): BusinessError {
  const e = paramError(hint);
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
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'number' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
