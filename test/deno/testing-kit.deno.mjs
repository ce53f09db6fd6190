// ohos-websocket/testing under Deno (the `deno` build, dist/deno/testing.js): the conformance suite
// over the kit with Deno's op and resource sanitizers on — the kit leaves nothing running — and a
// server on the network.
import * as assert from '../conformance/assert.mjs';
import { cases, runCase, skipReason } from '../conformance/runner.mjs';
import * as util from '../conformance/util.mjs';
import { KIT_PEER, startKitEchoPeer } from '../helpers/kit-peers.mjs';

const dist = (f) => new URL(`../../dist/deno/${f}`, import.meta.url).href;
const { BusinessError, createWebSocketModule, webSocket } = await import(dist('index.js'));
const { createTestNetwork, testCapabilities } = await import(dist('testing.js'));

// A fresh network per case (the sanitizers check each case alone), so the runner's pieces are used
// one by one here rather than through declareCases.
for (const c of cases) {
  Deno.test({
    name: `conformance (test kit): ${c.name}`,
    ignore: skipReason(c, testCapabilities, KIT_PEER) !== undefined,
    async fn() {
      const net = createTestNetwork();
      const urls = { echo: startKitEchoPeer(net).url, refused: 'ws://127.0.0.1:1' };
      try {
        await runCase(c, { webSocket: createWebSocketModule(net.transport), BusinessError, urls });
      } finally {
        net.close();
        await net.flush();
        await util.sleep(1); // the cases' own `until` timers end on the next turn
      }
    },
  });
}

Deno.test('test kit: install() makes it the default, a server pushes, close() undoes it', async () => {
  const net = createTestNetwork();
  const before = webSocket.transport;
  net.install();
  const server = webSocket.createWebSocketServer();
  server.on('connect', (conn) => server.send('hello from the server', conn));
  await server.start({ serverPort: 9000, maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 1 });
  const ws = webSocket.createWebSocket();
  const got = util.once(ws, 'message');
  await ws.connect('ws://127.0.0.1:9000');
  assert.equal(await got, 'hello from the server');
  const closed = util.once(ws, 'close');
  await server.stop();
  assert.deepEqual(await closed, { code: 1001, reason: 'server is going away' });
  net.close();
  assert.equal(webSocket.transport, before);
});
