/**
 * `net.transport`: the transport contract over the test network. Every capability is on, since
 * nothing here is limited by a platform; the calls are forwarded to the network unchanged.
 */
import { filesCore } from '../../src/files.js';
import { heartbeatCore } from '../../src/heartbeat.js';
import { proxyCore } from '../../src/proxy.js';
import { serverCore } from '../../src/server/server.js';
import { allCapabilities, type Capabilities, type Transport } from '../../src/transport.js';
import type { Network } from './network.js';

/**
 * Everything (docs/behaviour.md#transports-and-capabilities): headers, proxy and TLS options (recorded, not applied), heartbeat, server.
 *
 * @example
 * testCapabilities.server; // true
 */
export const testCapabilities: Capabilities = allCapabilities('test');

/** A transport whose clients connect from `clientIP`. */
export function testTransport(network: Network, clientIP: string): Transport {
  return {
    capabilities: testCapabilities,
    fileExists: (path) => Promise.resolve(network.fileExists(path)),
    filesCore,
    connect: (request, events) => network.connect(request, events, clientIP),
    listen: (request, handlers) => network.listen(request, handlers),
    // The kit can listen, so the server core comes with it (in every build, browsers included).
    serverCore,
    // Proxy options are recorded, not applied; the core's rules still decide what is recorded.
    proxyCore,
    // Pings and file checks are simulated; the core's heartbeat and file step still decide.
    heartbeatCore,
  };
}
