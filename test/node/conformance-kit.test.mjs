// The conformance suite over the test kit (ohos-websocket/testing): the same cases as every real
// transport, through the one runner, on an in-memory network, against the echo peer written with
// the kit's scripted peers, then against this package's own server started on the kit (client and
// server core both on it).
import { after, before, describe, test } from 'node:test';
import { BusinessError, createWebSocketModule } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';
import { declareCases } from '../conformance/runner.mjs';
import { KIT_PEER, startKitEchoPeer } from '../helpers/kit-peers.mjs';
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
for (const latency of [0, 1])
describe(`conformance: test kit (latency ${latency} ms), ${peerName}`, () => {
  const net = createTestNetwork({ latency });
  // A namespace of its own whose default transport is the kit, as `net.install()` would make it.
  const webSocket = createWebSocketModule(net.transport);
  // At latency 0 a handshake is answered within two Promise jobs, faster than any real network.
  const peer = { name: `${peerName} at latency ${latency}`, lacks: latency === 0 ? [...lacks, ...KIT_PEER.lacks] : lacks };
  const target = { webSocket, BusinessError, peer, urls: {} };
  let running;
  before(async () => {
    running = await startPeer(net);
    target.urls.echo = running.url;
    target.urls.refused = 'ws://127.0.0.1:1'; // nothing listens there on the network
  });
  after(async () => {
    await running?.close();
    net.close();
  });
  declareCases(target, (name, skip, run) => test(name, { skip: skip ?? false }, run));
});
