/**
 * IP address syntax, written out rather than borrowed from a platform so every transport and the
 * config check agree on what an address is.
 */

const HEXTET = /^[0-9a-f]{1,4}$/i;

/**
 * A dotted-quad IPv4 address as an unsigned 32-bit number, or `undefined`: the one IPv4 parser
 * (config checks, `no_proxy` CIDR blocks). No leading zeros: `010.0.0.1` is ambiguous, so refused.
 */
export function ipv4Number(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d?\d?)$/.test(p) && +p < 256)) return undefined;
  return ((+parts[0] << 24) | (+parts[1] << 16) | (+parts[2] << 8) | +parts[3]) >>> 0;
}

/** Dotted-quad IPv4 without leading zeros. */
export const isIPv4 = (s: string): boolean => ipv4Number(s) !== undefined;

/**
 * Textual IPv6 (RFC 4291 §2.2): eight hextets, one `::` run, an optional trailing dotted IPv4, and an
 * optional `%zone`.
 */
export function isIPv6(s: string): boolean {
  const zone = s.indexOf('%');
  if (zone !== -1) {
    if (zone === s.length - 1) return false;
    s = s.slice(0, zone);
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const parts = (h: string) => (h === '' ? [] : h.split(':'));
  const groups = halves.flatMap(parts);
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last) || !s.endsWith(last)) return false; // only as the last two hextets
    groups.pop();
    count += 1; // an embedded IPv4 address fills two hextets
  }
  if (!groups.every((g) => HEXTET.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True for an IPv4 or IPv6 address in textual form. */
export const isIP = (s: string): boolean => isIPv4(s) || isIPv6(s);

/**
 * An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, what a dual-stack socket reports for an IPv4
 * peer) as the plain IPv4 address HarmonyOS reports; any other address unchanged. For transports.
 */
export function unwrapMapped(ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return m && isIPv4(m[1]) ? m[1] : ip;
}
