/**
 * The 801 rule (docs/behaviour.md#unsupported-options-801): a request's needs must be a subset of the transport's capabilities,
 * checked before any I/O. Capabilities are data; the core never guesses the platform.
 */
import { businessError, ErrorCode, type BusinessError } from './errors.js';
import type { Normalised } from './validate.js';
import type { Capabilities, Transport } from './transport.js';

/** The 801 error naming the option (or feature) and the transport. */
export function unsupported(what: string, caps: Capabilities): BusinessError {
  return businessError(
    ErrorCode.CAPABILITY_NOT_SUPPORTED,
    `${what} is not supported by the ${caps.name} transport; remove it, or use a transport that has it (see webSocket.capabilities)`,
  );
}

/** The first option of `n` the transport cannot honour, as an 801, or `undefined`. */
export function checkCapabilities(n: Normalised, transport: Transport): BusinessError | undefined {
  const caps = transport.capabilities;
  const u = n.used;
  if (u.headers.length > 0 && !caps.headers) return unsupported('option "header"', caps);
  const forbidden = u.headers.find((h) => caps.forbiddenHeaders?.includes(h));
  if (forbidden) return unsupported(`header "${forbidden}"`, caps);
  if (u.proxy && !caps.proxy) return unsupported('option "proxy" (other than \'system\')', caps);
  if (u.caPath && !caps.caPath) return unsupported('option "caPath"', caps);
  if (u.clientCert && !caps.clientCert) return unsupported('option "clientCert"', caps);
  if (u.keyPassword && !caps.keyPassword) return unsupported('option "clientCert.keyPassword"', caps);
  if (u.minTlsVersion && !caps.minTlsVersion) return unsupported('option "minSupportTlsProtocol"', caps);
  if (u.skipServerCertVerification && !caps.skipServerCertVerification) {
    return unsupported('option "skipServerCertVerification"', caps);
  }
  if (u.heartbeat && !caps.heartbeat) return unsupported('options "pingInterval"/"pongTimeout" (heartbeat)', caps);
  const finer = transport.unsupported?.(n.request);
  return finer ? unsupported(finer, caps) : undefined;
}
