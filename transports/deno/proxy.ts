/**
 * How a request's proxy choice maps onto Deno. Deno reads the proxy environment variables itself,
 * process-wide, for every WebSocket (also one given an `HttpClient` without a proxy), so a
 * per-socket "go direct" needs a trick, and is impossible for `wss:` (found on Deno 2.9.6):
 * - `ws:` direct: an `HttpClient` whose proxy is the `tcp` transport to the target itself;
 * - `wss:` direct while a proxy variable applies: no way → 801;
 * - `ws:` through an `HttpProxy`: Deno sends an absolute-form GET to the proxy instead of a CONNECT
 *   tunnel, which CONNECT-only proxies never answer → 801.
 */
import { bypassesProxy, splitNoProxy } from '../../src/proxy.js';
import { urlHost, type ClientRequest } from '../../src/transport.js';
import { deno, type DenoProxy } from './deno-api.js';

/** The variables Deno consults, in its order (lower case first, as ours). */
const NAMES = {
  secure: ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'],
  plain: ['http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'],
  skip: ['no_proxy', 'NO_PROXY'],
} as const;

/**
 * Reads a variable only when `--allow-env` covers it: without the permission Deno would throw (or
 * prompt), and the check must never crash a program run with `--allow-net` alone.
 */
function readEnv(name: string): string | undefined | null {
  const d = deno();
  try {
    if (d.permissions.querySync({ name: 'env', variable: name }).state !== 'granted') return null;
    return d.env.get(name);
  } catch {
    return null;
  }
}

/**
 * Whether a proxy variable applies to this request: `true`, `false`, or `undefined` when the
 * variables cannot be read (no `--allow-env`).
 */
export function envProxyApplies(request: ClientRequest): boolean | undefined {
  const names = request.secure ? NAMES.secure : NAMES.plain;
  const values = names.map(readEnv);
  const found = values.find((v) => v);
  if (found) {
    const skip = NAMES.skip.map(readEnv);
    if (skip.some((v) => v === null)) return undefined;
    return !bypassesProxy(request.host, splitNoProxy(skip.find((v) => v) ?? undefined));
  }
  return values.some((v) => v === null) ? undefined : false;
}

/** Whether the request goes direct (`'no-proxy'`, or a host the `exclusionList` names: the core made that `none`). */
const wantsDirect = (request: ClientRequest): boolean => request.proxy.kind === 'none';

/** Why this request's proxy choice cannot be honoured on Deno, or `undefined`. */
export function unsupportedProxy(request: ClientRequest): string | undefined {
  if (request.proxy.kind === 'http' && !request.secure) {
    return 'option "proxy" with a ws: URL (Deno sends a plain GET to the proxy instead of a CONNECT tunnel)';
  }
  if (wantsDirect(request) && request.secure && envProxyApplies(request)) {
    return 'a direct wss: connection ("no-proxy" or an exclusionList host) while a proxy environment variable ' +
      'applies (Deno applies it process-wide)';
  }
  return undefined;
}

/** The `HttpClient` proxy setting for this request, or `undefined` to leave Deno's default. */
export function denoProxy(request: ClientRequest): DenoProxy | undefined {
  const p = request.proxy;
  if (wantsDirect(request)) {
    if (request.secure) return undefined; // direct already, or refused by unsupportedProxy
    // Always pin ws: to the target itself: harmless when no variable applies, and right when one
    // applies but cannot be read without --allow-env.
    const u = new URL(request.url);
    return { transport: 'tcp', hostname: u.hostname, port: Number(u.port || 80) };
  }
  if (p.kind !== 'http') return undefined;
  return {
    url: `http://${urlHost(p.host)}:${p.port}`,
    ...(p.username !== undefined ? { basicAuth: { username: p.username, password: p.password ?? '' } } : {}),
  };
}
