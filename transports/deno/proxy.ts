/**
 * How a request's proxy choice maps onto Deno. Deno reads the proxy environment variables itself,
 * process-wide, for every WebSocket (also one given an `HttpClient` without a proxy), so a
 * per-socket "go direct" needs a trick, and is impossible for `wss:` (found on Deno 2.9.6):
 * - `ws:` direct: an `HttpClient` whose proxy is the `tcp` transport to the target itself;
 * - `wss:` direct while a proxy variable applies: no way → 801;
 * - `ws:` through an `HttpProxy`: Deno sends an absolute-form GET to the proxy instead of a CONNECT
 *   tunnel, which CONNECT-only proxies never answer → 801.
 */
import { urlHost, type ClientRequest } from '../../src/transport.js';
import { deno, type DenoProxy } from './deno-api.js';

/**
 * A proxy variable as Deno sees it (this transport's `proxyVariable` fact; Deno honours them all,
 * `all_proxy` included). Read only when `--allow-env` covers it (`null` otherwise): without the
 * permission Deno would throw (or prompt), and the check must never crash a program run with
 * `--allow-net` alone.
 */
export function denoProxyVariable(name: string): string | undefined | null {
  const d = deno();
  try {
    if (d.permissions.querySync({ name: 'env', variable: name }).state !== 'granted') return null;
    return d.env.get(name);
  } catch {
    return null;
  }
}

/** Whether the request goes direct (`'no-proxy'`, or a host the `exclusionList` names: the core made that `none`). */
const wantsDirect = (request: ClientRequest): boolean => request.proxy.kind === 'none';

/** Why this request's proxy choice cannot be honoured on Deno, or `undefined`. */
export function unsupportedProxy(request: ClientRequest): string | undefined {
  if (request.proxy.kind === 'http' && !request.secure) {
    return 'option "proxy" with a ws: URL (Deno sends a plain GET to the proxy instead of a CONNECT tunnel)';
  }
  // request.systemProxy: the proxy Deno will apply to this host, as the core decided from our variables.
  if (wantsDirect(request) && request.secure && request.systemProxy) {
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
