/**
 * Client argument validation and normalisation (docs/behaviour.md#connect to #close): arguments in, a normalised
 * request or a BusinessError out. Nothing here throws and nothing here touches a platform.
 */
import { businessError, ErrorCode, invalid, paramError, type BusinessError } from './errors.js';
import { fail, ok, type Result } from './bridge.js';
import type { ClientRequest, ProxyRequest, Transport } from './transport.js';
import { arrayBufferLength, isObject, isToken, show } from './is.js';

/** Largest payload `send` accepts, in bytes (docs/behaviour.md#send). */
export const MAX_PAYLOAD = 5_242_864;
/** Longest URL accepted (docs/behaviour.md#connect). */
export const MAX_URL_LENGTH = 8196;
/** Longest close reason that fits a control frame, in UTF-8 bytes. */
export const MAX_REASON_BYTES = 123;

const CTL = /[\r\n\0]/;
/** A character a header value cannot carry: a control character other than tab, DEL, or above U+00FF. */
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/u;


/**
 * How many UTF-16 units of `s` fit whole in `max` UTF-8 bytes: `encodeInto` stops before a
 * character that would not fit, and says how far it read. (At most `max` bytes are allocated,
 * however long `s` is.)
 */
const fitting = (s: string, max: number): number => new TextEncoder().encodeInto(s, new Uint8Array(max)).read;

/** Cuts `s` to at most `max` UTF-8 bytes at a character boundary. */
export function truncateUtf8(s: string, max: number): string {
  return s.length * 3 <= max ? s : s.slice(0, fitting(s, max));
}

const TOO_LARGE = () => paramError(`send() data is over ${MAX_PAYLOAD} bytes (UTF-8 for text); split it up`);

/** `send` data check (docs/behaviour.md#send); returns the error or `undefined`. Kept cheap: it runs per message. */
export function checkPayload(data: unknown): BusinessError | undefined {
  if (typeof data === 'string') {
    // A string of n UTF-16 units has at most 3n UTF-8 bytes: only long strings need counting.
    return data.length * 3 > MAX_PAYLOAD && fitting(data, MAX_PAYLOAD) < data.length ? TOO_LARGE() : undefined;
  }
  const bytes = arrayBufferLength(data);
  if (bytes !== undefined) return bytes > MAX_PAYLOAD ? TOO_LARGE() : undefined;
  // A typed array or DataView shows as `[object Uint8Array]`: its buffer (or a slice of it) is the fix.
  return invalid('send() data', "a string or an ArrayBuffer (of a typed array: its .buffer's slice)", data);
}

/** Valid close codes to send (RFC 6455 §7.4). */
function sendableCode(code: number, application: boolean): boolean {
  if (!Number.isInteger(code)) return false;
  if (code === 1000 || (code >= 3000 && code <= 4999)) return true;
  return !application && ((code >= 1001 && code <= 1003) || (code >= 1007 && code <= 1014));
}

/**
 * `close(options)` → the code and reason to send (docs/behaviour.md#close). Only `options` itself must be an
 * object; inside it the fields are read as the native client reads them: a `code` that is not a
 * sendable number and a `reason` that is not a non-empty string count as absent and get the
 * defaults — never 401 (XTS `testNetworkMgrWebSocketCloseCallback0900`/`1000` close with
 * `{code: -100, reason: null}`). See docs/behaviour.md.
 */
export function normaliseClose(options: unknown, application: boolean): Result<{ code: number; reason: string }> {
  if (options === undefined) return ok({ code: 1000, reason: 'CLOSE_NORMAL' });
  // Arrays are objects to the native check too (napi_object): their fields are simply absent.
  if (typeof options !== 'object' || options === null) {
    return fail(invalid('close() options', 'an object like { code: 1000, reason: "bye" }', options));
  }
  const { code, reason } = options as Record<string, unknown>;
  const c = typeof code === 'number' && sendableCode(code, application) ? code : 1000;
  return ok({ code: c, reason: typeof reason === 'string' && reason !== '' ? truncateUtf8(reason, MAX_REASON_BYTES) : 'CLOSE_NORMAL' });
}

/** The capability flags a request can need (docs/behaviour.md#unsupported-options-801). */
export type NeededFlag = 'headers' | 'proxy' | 'caPath' | 'clientCert' | 'keyPassword' | 'minTlsVersion' | 'skipServerCertVerification' | 'heartbeat';

/** What the core needs from `connect` options before the transport sees them. */
export interface Normalised {
  request: ClientRequest;
  /** The capability flags the options the caller actually used need, in the order they are checked. */
  used: NeededFlag[];
  /** Files that must exist (2302002). */
  files: string[];
}

/**
 * What a value must be: its check and, for the cause, what it should have been; objects may name
 * the rules of their fields.
 */
type Rule = readonly [check: (v: unknown) => boolean, want: string, fields?: Schema];
type Schema = Readonly<Record<string, Rule>>;

const isString = (v: unknown): boolean => typeof v === 'string';
/** `check`, or absent (`undefined`). */
const optional = (check: (v: unknown) => boolean) => (v: unknown): boolean => v === undefined || check(v);
const OPTIONAL_STRING: Rule = [optional(isString), 'a string'];
const OPTIONAL_BOOLEAN: Rule = [optional((v) => typeof v === 'boolean'), 'true or false'];
const SECONDS: Rule = [optional((v) => typeof v === 'number'), 'a number of seconds'];

/**
 * The `connect` options, in the order docs/behaviour.md#connect checks them (step 1: types → 401).
 * `protocol` and `proxy` are checked when present, even as `undefined` (the native check asks
 * whether the property exists); the others may be `undefined`.
 */
const CONNECT_OPTIONS: Schema = {
  protocol: [isString, 'a string like "a, b"'],
  proxy: [(v) => v === 'system' || v === 'no-proxy' || isObject(v), "'system', 'no-proxy' or { host, port, exclusionList }", {
    host: [(v) => typeof v === 'string' && v !== '' && !CTL.test(v), 'a host name'],
    port: [(v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535, 'an integer 1…65535'],
    username: OPTIONAL_STRING,
    password: OPTIONAL_STRING,
    exclusionList: [optional((v) => Array.isArray(v) && v.every(isString)), 'an array of hosts'],
  }],
  header: [optional(isObject), 'an object of string values'],
  caPath: [optional(isString), 'a file path string'],
  clientCert: [optional(isObject), '{ certPath, keyPath, keyPassword? }', {
    certPath: [isString, 'a file path string'],
    keyPath: [isString, 'a file path string'],
    keyPassword: OPTIONAL_STRING,
  }],
  skipServerCertVerification: OPTIONAL_BOOLEAN,
  supportOriginPort: OPTIONAL_BOOLEAN,
  pingInterval: SECONDS,
  pongTimeout: SECONDS,
  minSupportTlsProtocol: [optional((v) => [0, 1, 2, 3].includes(v as number)), 'a webSocket.TlsProtocol value (0…3)'],
};

/**
 * The first value of `o` that breaks `schema`, as the 401 `<path><name> must be <want>, got <value>`,
 * else `undefined`. With `present`, only the names `o` has are checked.
 */
function breach(o: Record<string, unknown>, schema: Schema, path: string, present?: boolean): BusinessError | undefined {
  for (const name of Object.keys(schema)) {
    if (present && !(name in o)) continue;
    const v = o[name];
    const [check, want, fields] = schema[name];
    if (!check(v)) return invalid(path + name, want, v);
    const inner = fields && isObject(v) && breach(v, fields, `${path}${name}.`);
    if (inner) return inner;
  }
  return undefined;
}

function normaliseHeaders(header: unknown): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!isObject(header)) return ok(out);
  for (const key of Object.keys(header)) {
    const value = header[key];
    const name = JSON.stringify(key);
    const dropped = typeof value !== 'string' || value === ''; // dropped silently, as HarmonyOS does
    // A name with CR, LF or NUL is refused even when its value is dropped: such a header is never sent.
    if (CTL.test(key) || (!dropped && !isToken(key))) return fail(paramError(`header name ${name} is not an RFC 9110 token`));
    if (dropped) continue;
    // What every platform can put on the wire (RFC 9110 field-value: visible Latin-1 and tab; CR, LF
    // and NUL are not): refused here with a cause rather than failing later as an `error` 200 from
    // the socket layer.
    const bad = UNSENDABLE.exec(value);
    if (bad) {
      const c = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      return fail(paramError(`header ${name}: U+${c} at index ${bad.index} cannot be sent (tab and visible Latin-1 only); encode it, e.g. encodeURIComponent`));
    }
    out[key.toLowerCase()] = value;
  }
  return ok(out);
}

/** `options.proxy`, already checked against its rule, as the transport gets it. */
function normaliseProxy(proxy: unknown): ProxyRequest {
  if (proxy === undefined || proxy === 'system') return { kind: 'system' };
  if (proxy === 'no-proxy') return { kind: 'none' };
  const p = proxy as { host: string; port: number; username?: string; password?: string; exclusionList?: string[] };
  return {
    kind: 'http', host: p.host, port: p.port,
    username: p.username || undefined,
    password: p.password || undefined,
    exclusionList: p.exclusionList ?? [],
  };
}

/** Heartbeat sanitising (docs/behaviour.md#connect-options). */
function heartbeat(o: Record<string, unknown>): ClientRequest['heartbeat'] {
  const clamp = (v: unknown) => (typeof v !== 'number' || !(v >= 0 && v <= 30000) ? 30 : Math.floor(v));
  const ping = clamp(o.pingInterval);
  let pong = clamp(o.pongTimeout);
  if (ping === 0) return undefined;
  if (pong > ping && pong !== 30) pong = ping;
  return { pingIntervalMs: ping * 1000, pongTimeoutMs: pong * 1000 };
}

/** The cause of the -1 for a URL without a host (the error event that follows says the same). */
export const NO_HOST = 'the URL has no host';

/** URL checks (docs/behaviour.md#connect steps 2–3): a URL, or an error with the code to report. */
export function parseUrl(url: string): Result<URL> {
  const urlError = (what: string) => fail<URL>(businessError(ErrorCode.URL_ERROR, `the URL ${show(url)} ${what}`));
  if (url === '' || url.length > MAX_URL_LENGTH) return urlError(`must be 1…${MAX_URL_LENGTH} characters long`);
  const m = /^(wss?):\/\/([^/?#]*)/i.exec(url);
  if (!m) return urlError('must start with ws:// or wss://');
  const hostPort = m[2].replace(/^.*@/, '');
  if (hostPort === '') return fail(businessError(ErrorCode.OTHER, NO_HOST));
  // URL parsers differ on characters a host cannot hold (Chromium escapes a space, Node refuses
  // it), so the rule is decided here, once, for every platform.
  if (/[\x00-\x20"<>\\^`{|}\x7f]/.test(hostPort)) return urlError('has a character a host name cannot have');
  try {
    return ok(new URL(url));
  } catch {
    return urlError('cannot be parsed');
  }
}

/**
 * `connect` arguments → normalised request (docs/behaviour.md#connect steps 1–2; the no-host case comes back as
 * code -1 for the caller to report together with its error event).
 */
export function normaliseConnect(url: unknown, options: unknown, optionsGiven: boolean, transport: Transport): Result<Normalised> {
  if (typeof url !== 'string') return fail(invalid('the URL', 'a string', url));
  // connect(url, options, callback) needs its options; only connect(url[, callback]) may omit them.
  if ((optionsGiven || options !== undefined) && !isObject(options)) return fail(invalid('connect() options', 'an object ({} for none)', options));
  const o = (options ?? {}) as Record<string, unknown>;
  const typeError = breach(o, CONNECT_OPTIONS, 'options.', true);
  if (typeError) return fail(typeError);
  const headers = normaliseHeaders(o.header);
  if (!headers.ok) return headers;
  const protocols = o.protocol === undefined ? [] : (o.protocol as string).split(',').map((s) => s.trim()).filter(Boolean);
  // Browsers and ws refuse a repeated subprotocol; refuse it here so every transport agrees.
  if (protocols.some((p, i) => !isToken(p) || protocols.indexOf(p) !== i)) {
    return fail(invalid('options.protocol', 'distinct comma-separated tokens', o.protocol));
  }
  const proxy = normaliseProxy(o.proxy);

  const parsed = parseUrl(url);
  if (!parsed.ok) return parsed;
  const u = parsed.value;
  // A fragment is never part of an HTTP request target; drop it rather than let transports differ
  // (browsers and ws refuse such URLs, native clients ignore the fragment).
  u.hash = '';
  const secure = u.protocol === 'wss:';
  const caPath = (o.caPath as string | undefined) || undefined;
  const cc = o.clientCert as { certPath: string; keyPath: string; keyPassword?: string } | undefined;
  const clientCert = cc && (cc.certPath || cc.keyPath) ? { certPath: cc.certPath, keyPath: cc.keyPath, keyPassword: cc.keyPassword || undefined } : undefined;
  const hb = heartbeat(o);
  const rules = transport.proxyCore;
  const skipServerCertVerification = o.skipServerCertVerification === true;
  const request: ClientRequest = {
    url: u.href,
    secure,
    host: u.hostname,
    protocols,
    headers: headers.value,
    origin: `${secure ? 'https' : 'http'}://${u.hostname}${o.supportOriginPort && u.port ? `:${u.port}` : ''}`,
    caPath,
    clientCert,
    skipServerCertVerification,
    minTlsVersion: o.minSupportTlsProtocol as number | undefined,
    // An excluded host goes direct: decided here, once, by the rules a tunnelling transport
    // delivers (a transport without them cannot take a proxy: 801).
    proxy: proxy.kind === 'http' && rules?.bypasses(u.hostname, proxy.exclusionList) ? { kind: 'none' } : proxy,
    systemProxy: rules?.system(transport, u.hostname, secure),
    heartbeat: hb,
  };
  const needs: Array<NeededFlag | false> = [
    Object.keys(headers.value).length > 0 && 'headers',
    proxy.kind !== 'system' && 'proxy',
    caPath !== undefined && 'caPath',
    clientCert !== undefined && 'clientCert',
    clientCert?.keyPassword !== undefined && 'keyPassword',
    request.minTlsVersion !== undefined && 'minTlsVersion',
    skipServerCertVerification && 'skipServerCertVerification',
    // Unset heartbeat options are fine everywhere (docs/behaviour.md#unsupported-options-801); an explicit, enabled one needs
    // pings, and so does the default one on a transport that pings (it needs the core's heartbeat).
    hb !== undefined && (o.pingInterval !== undefined || o.pongTimeout !== undefined || transport.capabilities.heartbeat) && 'heartbeat',
  ];
  return ok({
    request,
    used: needs.filter((f): f is NeededFlag => !!f),
    files: [caPath, clientCert?.certPath, clientCert?.keyPath].filter((f): f is string => !!f),
  });
}
