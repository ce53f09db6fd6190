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

/** The first option of `request` the transport cannot honour, as an 801, or `undefined`. */
export function checkCapabilities(request: Normalised, transport: Transport): BusinessError | undefined {
  const caps = transport.capabilities;
  const used = request.used;
  if (used.headers.length > 0 && !caps.headers) return unsupported('option "header"', caps);
  const forbidden = used.headers.find((h) => caps.forbiddenHeaders?.includes(h));
  if (forbidden) return unsupported(`header "${forbidden}"`, caps);
  if (used.proxy && !caps.proxy) return unsupported('option "proxy" (other than \'system\')', caps);
  if (used.caPath && !caps.caPath) return unsupported('option "caPath"', caps);
  if (used.clientCert && !caps.clientCert) return unsupported('option "clientCert"', caps);
  if (used.keyPassword && !caps.keyPassword) return unsupported('option "clientCert.keyPassword"', caps);
  if (used.minTlsVersion && !caps.minTlsVersion) return unsupported('option "minSupportTlsProtocol"', caps);
  if (used.skipServerCertVerification && !caps.skipServerCertVerification) {
    return unsupported('option "skipServerCertVerification"', caps);
  }
  if (used.heartbeat && !caps.heartbeat) return unsupported('options "pingInterval"/"pongTimeout" (heartbeat)', caps);
  const finer = transport.unsupported?.(request.request);
  return finer ? unsupported(finer, caps) : undefined;
}
