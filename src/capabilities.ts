/**
 * The 801 rule (docs/behaviour.md#unsupported-options-801): a request's needs must be a subset of the transport's capabilities,
 * checked before any I/O. Capabilities are data; the core never guesses the platform.
 */
import { businessError, ErrorCode, type BusinessError } from './errors.js';
import type { NeededFlag, Normalised } from './validate.js';
import type { Capabilities, Transport } from './transport.js';

/** The 801 error naming the option (or feature) and the transport. */
export function unsupported(what: string, caps: Capabilities): BusinessError {
  return businessError(
    ErrorCode.CAPABILITY_NOT_SUPPORTED,
    `${what} is not supported by the ${caps.name} transport; remove it or pick a transport that has it (webSocket.capabilities)`,
  );
}

/** How a cause names the option behind a flag, where that is not `option "<flag>"`. */
const OPTION: Partial<Record<NeededFlag, string>> = {
  headers: 'option "header"',
  proxy: 'option "proxy" other than \'system\'',
  keyPassword: 'option "clientCert.keyPassword"',
  minTlsVersion: 'option "minSupportTlsProtocol"',
  heartbeat: 'options "pingInterval"/"pongTimeout" (heartbeat)',
};

/**
 * The core part that `flag` needs besides the flag, when the transport lacks it: the transports that
 * have a capability deliver its part of the core (`proxyCore`, `heartbeatCore`, and with
 * `fileExists` the file check `filesCore`), so a build without the capability carries none of it.
 */
function missingCore(flag: NeededFlag, t: Transport): string | undefined {
  const files = t.fileExists && 'filesCore';
  const part = ({ proxy: 'proxyCore', heartbeat: 'heartbeatCore', caPath: files, clientCert: files } as Record<string, string | undefined>)[flag];
  return part && !t[part as 'proxyCore'] ? part : undefined;
}

/** The first option of `request` the transport cannot honour, as an 801, or `undefined`. */
export function checkCapabilities(request: Normalised, transport: Transport): BusinessError | undefined {
  const caps = transport.capabilities;
  for (const flag of request.used) {
    const what = OPTION[flag] ?? `option "${flag}"`;
    if (!caps[flag]) return unsupported(what, caps);
    // A transport written without its core part: the cause is for its author.
    const part = missingCore(flag, transport);
    if (part) return businessError(ErrorCode.CAPABILITY_NOT_SUPPORTED, `${what}: the ${caps.name} transport has the flag but not transport.${part}; deliver ${part} from 'ohos-websocket'`);
  }
  const forbidden = Object.keys(request.request.headers).find((h) => caps.forbiddenHeaders?.includes(h));
  const finer = forbidden ? `header "${forbidden}"` : transport.unsupported?.(request.request);
  return finer ? unsupported(finer, caps) : undefined;
}
