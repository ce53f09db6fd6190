/**
 * Proxy bypass rules, shared by every transport that tunnels (docs/behaviour.md#connect-options): a host bypasses the proxy
 * when it matches an entry exactly, or an entry `*.domain` / `.domain` as a suffix. `no_proxy`
 * lists use the same rule, plus `*` (everything), IPv4 CIDR blocks (`10.0.0.0/8`, common in
 * `no_proxy`) and an optional `:port` that we ignore.
 */
import { ipv4Number as ipv4 } from './server/address.js';
import type { ProxyCore, Transport } from './transport.js';

/** Whether IPv4 `host` lies in `cidr` (`a.b.c.d/n`). */
function inCidr(host: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const h = ipv4(host);
  const n = ipv4(net);
  const len = Number(bits);
  if (h === undefined || n === undefined || !Number.isInteger(len) || len < 0 || len > 32) return false;
  const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
  return ((h & mask) >>> 0) === ((n & mask) >>> 0);
}

/** An entry without its `:port` (`host:80`, `[::1]:80`); a bare IPv6 address is kept whole. */
function withoutPort(e: string): string {
  if (e.startsWith('[')) return e.slice(1, e.indexOf(']') < 0 ? undefined : e.indexOf(']'));
  const parts = e.split(':');
  return parts.length === 2 ? parts[0] : e;
}

/**
 * Whether `host` matches one of `entries`. (`exclusionList` rules: exact host, `*.domain`, `.domain`).
 *
 * @example
 * bypassesProxy('api.corp.example', ['*.corp.example']); // true
 */
export function bypassesProxy(host: string, entries: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of entries) {
    let e = raw.trim().toLowerCase();
    if (e === '') continue;
    if (e === '*') return true;
    if (e.includes('/')) {
      if (inCidr(h, e)) return true;
      continue;
    }
    e = withoutPort(e);
    if (e.startsWith('*.')) e = e.slice(1);
    if (e.startsWith('.') ? h.endsWith(e) || h === e.slice(1) : h === e) return true;
  }
  return false;
}

/**
 * `proxy: 'system'` on a transport that tunnels (docs/behaviour.md#connect-options): the proxy the environment
 * names for `host`, decided here for every such transport from the variables it reports
 * (`Transport.proxyVariable`, facts). The scheme's variable wins over `all_proxy`, lower case over upper
 * case, and the first non-empty one is used; a host that `no_proxy` (or `NO_PROXY`) names goes
 * direct; a value without a scheme is an `http://` proxy. Returns the proxy URL, `undefined` to go
 * direct, or `null` when a variable that matters cannot be read. A transport delivers it as
 * part of `proxyCore` (as a listening one delivers `serverCore`), so builds that cannot tunnel carry none of it.
 *
 * @example
 * const env = { https_proxy: 'proxy.corp:3128', no_proxy: '.internal' };
 * systemProxy({ ...transport, proxyVariable: (name) => env[name] }, 'api.example', true); // 'http://proxy.corp:3128'
 */
export function systemProxy(transport: Transport, host: string, secure: boolean): string | null | undefined {
  const read = (name: string) => transport.proxyVariable?.(name);
  const scheme = secure ? 'https_proxy' : 'http_proxy';
  const values = [scheme, scheme.toUpperCase(), 'all_proxy', 'ALL_PROXY'].map(read);
  const url = values.find((v) => v);
  if (!url) return values.includes(null) ? null : undefined;
  const skip = [read('no_proxy'), read('NO_PROXY')];
  if (skip.includes(null)) return null;
  const entries = skip.find((v) => v);
  if (entries && bypassesProxy(host, entries.split(/[\s,]+/))) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
}

/**
 * The core's proxy rules, for a transport that tunnels to deliver as its `proxyCore`.
 *
 * @example
 * const myTransport = { capabilities: { ...CAN_DO_NOTHING, name: 'mine', proxy: true }, proxyCore, connect };
 */
export const proxyCore: ProxyCore = { system: systemProxy, bypasses: bypassesProxy };
