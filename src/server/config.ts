/**
 * `WebSocketServer.start(config)` validation (docs/behaviour.md#server): config in, a normalised listen plan or a
 * BusinessError out. Nothing here throws and nothing here touches a platform; the checks that need
 * the outside world (files, the port) come after, in the order docs/behaviour.md#server gives.
 */
import { fail, ok, type Result } from '../bridge.js';
import { businessError, ErrorCode, paramError } from '../errors.js';
import type { ListenRequest } from '../transport.js';
import { isObject, isToken, show } from '../is.js';
import { isIP } from './address.js';

/** The documented default of both admission limits. */
export const DEFAULT_LIMIT = 10;
/** `serverIP` when none is given. */
export const DEFAULT_SERVER_IP = '0.0.0.0';

/** A validated `start` config: what to ask the transport for, and the admission limits. */
export interface ServerPlan {
  readonly listen: ListenRequest;
  /** Distinct client IPs admitted at once (`maxConcurrentClientsNumber`). */
  readonly maxClients: number;
  /** Connections admitted at once from one client IP (`maxConnectionsForOneClient`). */
  readonly maxPerClient: number;
  /** Files that must exist before listening (2302002). */
  readonly files: readonly string[];
}


/** A limit: absent → the default; otherwise a positive integer (docs/behaviour.md#deviations: above 10 allowed). */
function limit(config: Record<string, unknown>, name: string): Result<number> {
  const v = config[name];
  if (v === undefined) return ok(DEFAULT_LIMIT);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return fail(paramError(`config.${name} must be a positive integer (default ${DEFAULT_LIMIT}), got ${show(v)}`));
  }
  return ok(v);
}

/**
 * Checks a `start` config in docs/behaviour.md#server order, after the caller has ruled out "already started":
 * not an object → 401; `serverIP` → 2302004; `serverPort` → 2302005; then the shapes of
 * `serverCert`, `protocol` and the limits → 401. File existence (2302002) and the bind (2302007)
 * are the caller's next steps.
 */
export function normaliseServerConfig(config: unknown): Result<ServerPlan> {
  if (!isObject(config)) {
    return fail(paramError('start() takes a config object like { serverPort: 8080, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 }'));
  }
  const ip = config.serverIP;
  // An empty serverIP means "not set", like the empty certificate paths (docs/behaviour.md#connect).
  const host = ip === undefined || ip === '' ? DEFAULT_SERVER_IP : ip;
  if (typeof host !== 'string' || !isIP(host)) {
    return fail(businessError(ErrorCode.CANNOT_LISTEN_NIC, `serverIP must be an IPv4 or IPv6 address like "127.0.0.1" or "::1", got ${show(ip)}`));
  }
  const port = config.serverPort;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    return fail(businessError(ErrorCode.CANNOT_LISTEN_PORT, `serverPort must be an integer in 0…65535 (0 picks a free port), got ${show(port)}`));
  }
  let tls: ListenRequest['tls'];
  const cert = config.serverCert;
  if (cert !== undefined) {
    if (!isObject(cert) || typeof cert.certPath !== 'string' || typeof cert.keyPath !== 'string') {
      return fail(paramError('config.serverCert must be { certPath: string, keyPath: string } (PEM files)'));
    }
    if (cert.certPath !== '' || cert.keyPath !== '') tls = { certPath: cert.certPath, keyPath: cert.keyPath };
  }
  const protocol = config.protocol;
  if (protocol !== undefined && (typeof protocol !== 'string' || (protocol !== '' && !isToken(protocol)))) {
    return fail(paramError(`config.protocol must be one subprotocol token like "chat", got ${show(protocol)}`));
  }
  const maxClients = limit(config, 'maxConcurrentClientsNumber');
  if (!maxClients.ok) return maxClients;
  const maxPerClient = limit(config, 'maxConnectionsForOneClient');
  if (!maxPerClient.ok) return maxPerClient;
  return ok({
    listen: { host, port, protocol: protocol || undefined, tls },
    maxClients: maxClients.value,
    maxPerClient: maxPerClient.value,
    // Both paths are needed to serve wss:; an empty one is "not set", hence reported missing.
    files: tls ? [tls.certPath, tls.keyPath] : [],
  });
}
