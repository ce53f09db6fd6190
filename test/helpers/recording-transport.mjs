// A transport that records the normalised requests the core hands it and fails every attempt.
// It is not a stand-in for the thing under test: it lets tests observe the core's normalisation
// (docs/behaviour.md#connect, #connect-options) through the public transport interface, as a third-party transport would see it.
import { nodeCapabilities, nodeTransport } from 'ohos-websocket/transports/node';

/** @param {Partial<import('ohos-websocket').Capabilities>} [overrides] */
export function recordingTransport(overrides = {}) {
  const requests = [];
  return {
    requests,
    capabilities: { ...nodeCapabilities, name: 'recording', ...overrides },
    // The core's parts a transport with these capabilities delivers (proxy rules, heartbeat, file check).
    proxyCore: nodeTransport.proxyCore,
    heartbeatCore: nodeTransport.heartbeatCore,
    filesCore: nodeTransport.filesCore,
    connect(request, events) {
      requests.push(request);
      queueMicrotask(() => events.fail(0, 'recording transport'));
      return { send() {}, close() {}, terminate() {} };
    },
  };
}

/** Connects through a fresh recording transport and returns the request the core produced. */
export async function normalise(webSocket, url, options, overrides) {
  const transport = recordingTransport(overrides);
  const ws = webSocket.createWebSocket({ transport });
  const failed = new Promise((resolve) => ws.on('error', resolve));
  await (options === undefined ? ws.connect(url) : ws.connect(url, options));
  await failed;
  return transport.requests[0];
}
