/**
 * Client argument validation and normalisation (docs/behaviour.md#connect to #close): arguments in, a normalised
 * request or a BusinessError out. Nothing here throws and nothing here touches a platform.
 */
import { businessError, ErrorCode, paramError, type BusinessError } from './errors.js';
import { fail, ok, type Result } from './bridge.js';
import type { ClientRequest, ProxyRequest, Transport } from './transport.js';
import { arrayBufferLength, isObject, isToken, show } from './is.js';
import { bypassesProxy } from './proxy.js';

/** Largest payload `send` accepts, in bytes (docs/behaviour.md#send). */
export const MAX_PAYLOAD = 5_242_864;
/** Longest URL accepted (docs/behaviour.md#connect). */
export const MAX_URL_LENGTH = 8196;
/** Longest close reason that fits a control frame, in UTF-8 bytes. */
export const MAX_REASON_BYTES = 123;

const CTL = /[\r\n\0]/;
/** A character a header value cannot carry: a control character other than tab, DEL, or above U+00FF. */
const UNSENDABLE = /[^\t\x20-\x7e\x80-\xff]/u;


/** UTF-8 byte length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** Cuts `s` to at most `max` UTF-8 bytes at a character boundary. */
export function truncateUtf8(s: string, max: number): string {
  if (s.length * 3 <= max || utf8Length(s) <= max) return s;
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > max) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return s.slice(0, i);
}

/** `send` data check (docs/behaviour.md#send); returns the error or `undefined`. Kept cheap: it runs per message. */
export function checkPayload(data: unknown): BusinessError | undefined {
  if (typeof data === 'string') {
    // A string of n UTF-16 units has at most 3n UTF-8 bytes: only long strings need counting.
    if (data.length * 3 > MAX_PAYLOAD && utf8Length(data) > MAX_PAYLOAD) {
      return paramError(`the text is over ${MAX_PAYLOAD} UTF-8 bytes; split it into several messages`);
    }
    return undefined;
  }
  const bytes = arrayBufferLength(data);
  if (bytes !== undefined) {
    if (bytes > MAX_PAYLOAD) {
      return paramError(`the ArrayBuffer is over ${MAX_PAYLOAD} bytes; split it into several messages`);
    }
    return undefined;
  }
  // ArrayBuffer.isView checks an internal slot: safe on Proxies, true for re-prototyped views.
  const what = ArrayBuffer.isView(data) ? 'a typed array or DataView (pass an ArrayBuffer of exactly its bytes)' : show(data);
  return paramError(`send() takes a string or an ArrayBuffer, got ${what}`);
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
    return fail(paramError('close options must be an object like { code: 1000, reason: "bye" }'));
  }
  const { code, reason } = options as Record<string, unknown>;
  const c = typeof code === 'number' && sendableCode(code, application) ? code : 1000;
  return ok({ code: c, reason: typeof reason === 'string' && reason !== '' ? truncateUtf8(reason, MAX_REASON_BYTES) : 'CLOSE_NORMAL' });
}

/** What the core needs from `connect` options before the transport sees them. */
export interface Normalised {
  request: ClientRequest;
  /** Options the caller actually used, for the capability check (docs/behaviour.md#unsupported-options-801). */
  used: {
    headers: string[];
    proxy: boolean;
    caPath: boolean;
    clientCert: boolean;
    keyPassword: boolean;
    minTlsVersion: boolean;
    skipServerCertVerification: boolean;
    heartbeat: boolean;
  };
  /** Files that must exist (2302002). */
  files: string[];
}

/** Step 1 of docs/behaviour.md#connect: option types → 401. */
function checkOptionTypes(o: Record<string, unknown>): BusinessError | undefined {
  const wrongType = (name: string, want: string) => paramError(`options.${name} must be ${want}, got ${o[name] === null ? 'null' : typeof o[name]}`);
  if ('protocol' in o && typeof o.protocol !== 'string') return wrongType('protocol', 'a string like "chat" or "a, b"');
  if ('proxy' in o && o.proxy !== 'system' && o.proxy !== 'no-proxy' && !isObject(o.proxy)) {
    return wrongType('proxy', "'system', 'no-proxy' or { host, port, exclusionList }");
  }
  if (o.header !== undefined && !isObject(o.header)) return wrongType('header', 'an object of header names to values');
  if (o.caPath !== undefined && typeof o.caPath !== 'string') return wrongType('caPath', 'a file path string');
  if (o.clientCert !== undefined) {
    const c = o.clientCert;
    if (!isObject(c) || typeof c.certPath !== 'string' || typeof c.keyPath !== 'string' ||
        (c.keyPassword !== undefined && typeof c.keyPassword !== 'string')) {
      return paramError('options.clientCert must be { certPath: string, keyPath: string, keyPassword?: string }');
    }
  }
  if (o.skipServerCertVerification !== undefined && typeof o.skipServerCertVerification !== 'boolean') return wrongType('skipServerCertVerification', 'a boolean');
  if (o.supportOriginPort !== undefined && typeof o.supportOriginPort !== 'boolean') return wrongType('supportOriginPort', 'a boolean');
  for (const k of ['pingInterval', 'pongTimeout']) {
    if (o[k] !== undefined && typeof o[k] !== 'number') return wrongType(k, 'a number of seconds');
  }
  const tls = o.minSupportTlsProtocol;
  if (tls !== undefined && ![0, 1, 2, 3].includes(tls as number)) {
    return wrongType('minSupportTlsProtocol', 'a webSocket.TlsProtocol value (0…3)');
  }
  return undefined;
}

function normaliseHeaders(header: unknown): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!isObject(header)) return ok(out);
  for (const key of Object.keys(header)) {
    const value = header[key];
    if (CTL.test(key) || (typeof value === 'string' && CTL.test(value))) {
      return fail(paramError(`header "${JSON.stringify(key).slice(1, -1)}" contains CR, LF or NUL; such headers are never sent`));
    }
    if (typeof value !== 'string' || value === '') continue; // dropped silently, as HarmonyOS does
    if (!isToken(key)) return fail(paramError(`"${key}" is not a valid header name`));
    // What every platform can put on the wire (RFC 9110 field-value: visible Latin-1 and tab): refused
    // here with a cause rather than failing later as an `error` 200 from the socket layer.
    const bad = UNSENDABLE.exec(value);
    if (bad) {
      const c = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      return fail(paramError(
        `header "${key}" has a character that cannot be sent in a header value (U+${c} at index ${bad.index}); ` +
        'values are Latin-1 text without control characters: encode anything else (e.g. encodeURIComponent)',
      ));
    }
    out[key.toLowerCase()] = value;
  }
  return ok(out);
}

function normaliseProxy(proxy: unknown): Result<ProxyRequest> {
  if (proxy === undefined || proxy === 'system') return ok({ kind: 'system' });
  if (proxy === 'no-proxy') return ok({ kind: 'none' });
  const p = proxy as Record<string, unknown>;
  const list = p.exclusionList;
  if (typeof p.host !== 'string' || p.host === '' || CTL.test(p.host) ||
      typeof p.port !== 'number' || !Number.isInteger(p.port) || p.port < 1 || p.port > 65535 ||
      (p.username !== undefined && typeof p.username !== 'string') ||
      (p.password !== undefined && typeof p.password !== 'string') ||
      (list !== undefined && (!Array.isArray(list) || list.some((e) => typeof e !== 'string')))) {
    return fail(paramError('options.proxy must be { host: string, port: 1…65535, username?, password?, exclusionList: string[] }'));
  }
  return ok({
    kind: 'http', host: p.host, port: p.port,
    username: (p.username as string | undefined) || undefined,
    password: (p.password as string | undefined) || undefined,
    exclusionList: (list as string[] | undefined) ?? [],
  });
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

/** URL checks (docs/behaviour.md#connect steps 2–3): a URL, or an error with the code to report. */
export function parseUrl(url: string): Result<URL> {
  if (url === '' || url.length > MAX_URL_LENGTH) {
    return fail(businessError(ErrorCode.URL_ERROR, url === '' ? 'the URL is empty' : `the URL is over ${MAX_URL_LENGTH} characters`));
  }
  const m = /^(wss?):\/\/([^/?#]*)/i.exec(url);
  if (!m) return fail(businessError(ErrorCode.URL_ERROR, `"${url.slice(0, 64)}" is not a ws:// or wss:// URL`));
  const hostPort = m[2].replace(/^.*@/, '');
  if (hostPort === '') {
    return fail(businessError(ErrorCode.OTHER, 'the URL has no host', undefined as never));
  }
  // URL parsers differ on characters a host cannot hold (Chromium escapes a space, Node refuses
  // it), so the rule is decided here, once, for every platform.
  if (/[\x00-\x20"<>\\^`{|}\x7f]/.test(hostPort)) {
    return fail(businessError(ErrorCode.URL_ERROR, `the host in "${url.slice(0, 64)}" contains a character a host cannot have`));
  }
  try {
    return ok(new URL(url));
  } catch {
    return fail(businessError(ErrorCode.URL_ERROR, `"${url.slice(0, 64)}" cannot be parsed as a URL`));
  }
}

/**
 * `connect` arguments → normalised request (docs/behaviour.md#connect steps 1–2; the no-host case comes back as
 * code -1 for the caller to report together with its error event).
 */
export function normaliseConnect(url: unknown, options: unknown, optionsGiven: boolean, transport: Transport): Result<Normalised> {
  if (typeof url !== 'string') return fail(paramError(`connect() takes a URL string, got ${url === null ? 'null' : typeof url}`));
  if (optionsGiven && options == null) return fail(paramError('connect(url, options, callback) needs an options object; pass {} for none'));
  if (options !== undefined && !isObject(options)) return fail(paramError('connect() options must be an object'));
  const o = (options ?? {}) as Record<string, unknown>;
  const typeError = checkOptionTypes(o);
  if (typeError) return fail(typeError);
  const headers = normaliseHeaders(o.header);
  if (!headers.ok) return headers;
  const protocols = o.protocol === undefined ? [] : (o.protocol as string).split(',').map((s) => s.trim()).filter(Boolean);
  if (protocols.some((p) => !isToken(p))) return fail(paramError(`options.protocol "${o.protocol}" is not a comma list of tokens`));
  // Browsers and ws refuse a repeated subprotocol; refuse it here so every transport agrees.
  if (new Set(protocols).size !== protocols.length) return fail(paramError(`options.protocol "${o.protocol}" names a subprotocol twice`));
  const proxy = normaliseProxy(o.proxy);
  if (!proxy.ok) return proxy;

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
  const request: ClientRequest = {
    url: u.href,
    secure,
    host: u.hostname,
    protocols,
    headers: headers.value,
    origin: `${secure ? 'https' : 'http'}://${u.hostname}${o.supportOriginPort && u.port ? `:${u.port}` : ''}`,
    caPath,
    clientCert,
    skipServerCertVerification: o.skipServerCertVerification === true,
    minTlsVersion: o.minSupportTlsProtocol as number | undefined,
    // An excluded host goes direct: decided here, once, for every transport.
    proxy: proxy.value.kind === 'http' && bypassesProxy(u.hostname, proxy.value.exclusionList) ? { kind: 'none' } : proxy.value,
    systemProxy: transport.proxyCore?.(transport, u.hostname, secure),
    heartbeat: hb,
  };
  return ok({
    request,
    used: {
      headers: Object.keys(headers.value),
      proxy: proxy.value.kind !== 'system',
      caPath: caPath !== undefined,
      clientCert: clientCert !== undefined,
      keyPassword: clientCert?.keyPassword !== undefined,
      minTlsVersion: o.minSupportTlsProtocol !== undefined,
      skipServerCertVerification: request.skipServerCertVerification,
      // Unset heartbeat options are fine everywhere (docs/behaviour.md#unsupported-options-801); an explicit, enabled one needs pings.
      heartbeat: hb !== undefined && (o.pingInterval !== undefined || o.pongTimeout !== undefined),
    },
    files: [caPath, clientCert?.certPath, clientCert?.keyPath].filter((f): f is string => !!f),
  });
}
