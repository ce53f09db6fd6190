// The conformance suite over the test kit (ohos-websocket/testing): the same cases as every real
// transport, through the one runner, on an in-memory network, against the echo peer written with
// the kit's scripted peers.
import { after, before, describe, test } from 'node:test';
import { BusinessError, createWebSocketModule } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';
import { declareCases } from '../conformance/runner.mjs';
import { startKitEchoPeer } from '../helpers/kit-peers.mjs';

for (const latency of [0, 1])
describe(`conformance: test kit (latency ${latency} ms), scripted echo peer`, () => {
  const net = createTestNetwork({ latency });
  // A namespace of its own whose default transport is the kit, as `net.install()` would make it.
  const webSocket = createWebSocketModule(net.transport);
  // At latency 0 a handshake is answered within two Promise jobs, faster than any real network.
  const peer = { name: `the kit at latency ${latency}`, lacks: latency === 0 ? ['handshake-time'] : [] };
  const target = { webSocket, BusinessError, peer, urls: {} };
  before(() => {
    target.urls.echo = startKitEchoPeer(net).url;
    target.urls.refused = 'ws://127.0.0.1:1'; // nothing listens there on the network
  });
  after(() => net.close());
  declareCases(target, (name, skip, run) => test(name, { skip: skip ?? false }, run));
});
