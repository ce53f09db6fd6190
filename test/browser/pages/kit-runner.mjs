// The test kit inside Chromium (dist/browser/testing.js): every conformance case over the kit with
// the scripted echo peer, and a WebSocketServer started on the network (the kit brings the server
// core to the browser). Results go back to test/browser/testing-kit.test.mjs.
import { BusinessError, createWebSocketModule, webSocket } from '/dist/browser/index.js';
import { createTestNetwork } from '/dist/browser/testing.js';
import { cases, outcomeOf } from '/test/conformance/runner.mjs';
import * as util from '/test/conformance/util.mjs';
import { KIT_PEER, startKitEchoPeer } from '/test/helpers/kit-peers.mjs';

/** Runs every case on a fresh network; resolves with `[name, 'ok' | 'skipped' | error text]` rows. */
window.runKitCases = async () => {
  const rows = [];
  for (const c of cases) {
    const net = createTestNetwork();
    const urls = { echo: startKitEchoPeer(net).url, refused: 'ws://127.0.0.1:1' };
    const r = await outcomeOf(c, { webSocket: createWebSocketModule(net.transport), BusinessError, peer: KIT_PEER, urls });
    net.close();
    rows.push([c.name, r.ok ? 'ok' : r.skipped ? 'skipped' : r.error]);
  }
  return rows;
};

/** A server on the network, with `install()`: the page's default transport is the kit meanwhile. */
window.runKitServer = async () => {
  const net = createTestNetwork();
  const before = webSocket.capabilities.name;
  net.install();
  const server = webSocket.createWebSocketServer();
  server.on('messageReceive', (m) => server.send(`echo ${m.data}`, m.clientConnection));
  await server.start({ serverPort: 8080, maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 1 });
  const ws = webSocket.createWebSocket();
  const answer = util.once(ws, 'message');
  await ws.connect('ws://127.0.0.1:8080');
  await ws.send('hi');
  const result = { before, during: webSocket.capabilities.name, answer: await answer };
  await server.stop();
  net.close();
  result.after = webSocket.capabilities.name;
  return result;
};
window.ready = true;
