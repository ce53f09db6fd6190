// The conformance suite over the test kit (ohos-websocket/testing): the same cases as every real
// transport, on an in-memory network, against the echo peer written with the kit's scripted peers,
// then against this package's own server started on the kit (client and server core both on it).
import { after, before, describe, test } from 'node:test';
import { BusinessError, createWebSocketModule } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';
import * as assert from '../conformance/assert.mjs';
import { cases } from '../conformance/cases.mjs';
import * as util from '../conformance/util.mjs';
import { startKitEchoPeer } from '../helpers/kit-peers.mjs';
import { peerLimit, startPackageEchoServer } from '../browser/package-peer.mjs';

/** Each peer: how to start it on a network, and why it cannot serve a case (or `undefined`). */
const PEERS = {
  'scripted echo peer': { startPeer: (net) => startKitEchoPeer(net), limitOf: () => undefined },
  "this package's server on the kit": {
    startPeer: (net) => startPackageEchoServer({ transport: net.transport }),
    limitOf: (c) => peerLimit(c.run) && `the HarmonyOS server API cannot do ${peerLimit(c.run)}`,
  },
};

for (const [peerName, { startPeer, limitOf }] of Object.entries(PEERS))
for (const latency of [0, 1])
describe(`conformance: test kit (latency ${latency} ms), ${peerName}`, () => {
  const net = createTestNetwork({ latency });
  // A namespace of its own whose default transport is the kit, as `net.install()` would make it.
  const webSocket = createWebSocketModule(net.transport);
  const urls = {};
  let peer;
  before(async () => {
    peer = await startPeer(net);
    urls.echo = peer.url;
    urls.refused = 'ws://127.0.0.1:1'; // nothing listens there on the network
  });
  after(async () => {
    await peer?.close();
    net.close();
  });
  // At latency 0 a handshake is answered within two Promise jobs, faster than any real network.
  const lacks = latency === 0 ? ['handshake-time'] : [];
  for (const c of cases) {
    const missing = [...(c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]), ...(c.peer ?? []).filter((f) => lacks.includes(f))];
    const skip = missing.length ? `the kit at latency ${latency} lacks ${missing}` : (limitOf(c) ?? false);
    test(c.name, { skip }, () => c.run({ webSocket, BusinessError, assert, util, urls }));
  }
});
