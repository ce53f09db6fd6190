// The conformance suite over the test kit (ohos-websocket/testing): the same cases as every real
// transport, on an in-memory network, against the echo peer written with the kit's scripted peers.
import { after, before, describe, test } from 'node:test';
import { BusinessError, createWebSocketModule } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';
import * as assert from '../conformance/assert.mjs';
import { cases } from '../conformance/cases.mjs';
import * as util from '../conformance/util.mjs';
import { startKitEchoPeer } from '../helpers/kit-peers.mjs';

for (const latency of [0, 1])
describe(`conformance: test kit (latency ${latency} ms), scripted echo peer`, () => {
  const net = createTestNetwork({ latency });
  // A namespace of its own whose default transport is the kit, as `net.install()` would make it.
  const webSocket = createWebSocketModule(net.transport);
  const urls = {};
  before(() => {
    urls.echo = startKitEchoPeer(net).url;
    urls.refused = 'ws://127.0.0.1:1'; // nothing listens there on the network
  });
  after(() => net.close());
  // At latency 0 a handshake is answered within two Promise jobs, faster than any real network.
  const lacks = latency === 0 ? ['handshake-time'] : [];
  for (const c of cases) {
    const missing = [...(c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]), ...(c.peer ?? []).filter((f) => lacks.includes(f))];
    test(c.name, { skip: missing.length ? `the kit at latency ${latency} lacks ${missing}` : false }, () => c.run({ webSocket, BusinessError, assert, util, urls }));
  }
});
