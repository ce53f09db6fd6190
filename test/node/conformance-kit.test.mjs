// The conformance suite over the test kit (ohos-websocket/testing): the same cases as every real
// transport, through the one runner, on an in-memory network, against the echo peer written with
// the kit's scripted peers, then against this package's own server started on the kit (client and
// server core both on it).
import { after } from 'node:test';
import { createWebSocketModule } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';
import { KIT_PEER, startKitEchoPeer } from '../helpers/kit-peers.mjs';
import { nodeConformance } from '../helpers/node-conformance.mjs';
import { PACKAGE_PEER, startPackageEchoServer } from '../helpers/package-peer.mjs';

/** Each peer: how to start it on a network, and what it cannot do. */
const PEERS = {
  'scripted echo peer': { startPeer: (net) => startKitEchoPeer(net), lacks: [] },
  "this package's server on the kit": {
    startPeer: (net) => startPackageEchoServer({ transport: net.transport }),
    lacks: PACKAGE_PEER.lacks,
  },
};

for (const [peerName, { startPeer, lacks }] of Object.entries(PEERS))
for (const latency of [0, 1]) {
  const net = createTestNetwork({ latency });
  nodeConformance(`conformance: test kit (latency ${latency} ms), ${peerName}`, () => startPeer(net), {
    // At latency 0 a handshake is answered within two Promise jobs, faster than any real network.
    peer: { name: `${peerName} at latency ${latency}`, lacks: latency === 0 ? [...lacks, ...KIT_PEER.lacks] : lacks },
    // A namespace of its own whose default transport is the kit, as `net.install()` would make it.
    webSocket: createWebSocketModule(net.transport),
    refused: async () => 'ws://127.0.0.1:1', // nothing listens there on the network
    more: () => after(() => net.close()), // after the peer's own close
  });
}
