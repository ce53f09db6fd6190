/**
 * Proxy bypass rules, shared by every transport that tunnels (SPEC §2.4): a host bypasses the proxy
 * when it matches an entry exactly, or an entry `*.domain` / `.domain` as a suffix. `no_proxy`
 * lists use the same rule, plus `*` (everything) and an optional `:port` that we ignore.
 */

/** Whether `host` matches one of `entries`. */
export function bypassesProxy(host: string, entries: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  for (const raw of entries) {
    let e = raw.trim().toLowerCase();
    if (e === '') continue;
    if (e === '*') return true;
    if (!e.startsWith('[') && e.split(':').length === 2) e = e.split(':')[0]; // host:port
    e = e.replace(/^\[|\]$/g, '');
    if (e.startsWith('*.')) e = e.slice(1);
    if (e.startsWith('.') ? h.endsWith(e) || h === e.slice(1) : h === e) return true;
  }
  return false;
}

/** Splits a `no_proxy` value (comma and/or space separated). */
export const splitNoProxy = (value: string | undefined): string[] => (value ? value.split(/[\s,]+/) : []);
