// The package's own server as an echo peer, obeying the subset of the test/helpers/peers.mjs
// commands that the HarmonyOS server API can carry out:
//   "__close__ <code> <reason>", "__close_empty__", "__last_close__", anything else echoed, no subprotocol.
// The other features need access below the API; PACKAGE_PEER.lacks says which, and the conformance
// runner skips the cases that ask for them (`peer` in test/conformance/cases.mjs).
import { webSocket as defaultModule } from 'ohos-websocket';

/** What this peer cannot do (the feature names of cases.mjs). */
export const PACKAGE_PEER = Object.freeze({
  name: "this package's server",
  lacks: Object.freeze(['drop', 'headers', 'path', 'close-nostatus', 'subprotocol']),
});

/**
 * Starts an echo server of this package on 127.0.0.1 (random port), on `transport` (default: the
 * module's default transport).
 * @returns {Promise<{url: string, close(): Promise<boolean>}>}
 */
export async function startPackageEchoServer({ webSocket = defaultModule, transport } = {}) {
  const server = webSocket.createWebSocketServer(transport ? { transport } : undefined);
  let lastClose = null;
  server.on('messageReceive', ({ data, clientConnection: conn }) => {
    if (typeof data === 'string' && data.length < 64) {
      if (data.startsWith('__close__ ')) {
        const [, code, ...reason] = data.split(' ');
        return void server.close(conn, { code: Number(code), reason: reason.join(' ') }).catch(() => {});
      }
      if (data === '__close_empty__') return void server.close(conn, { code: 1000, reason: '' }).catch(() => {});
      if (data === '__last_close__') return void server.send(JSON.stringify(lastClose), conn).catch(() => {});
    }
    server.send(data, conn).catch(() => {});
  });
  server.on('close', (_conn, result) => {
    if (result && result.code !== 1005 && result.code !== 1006 && result.code !== 0) lastClose = { code: result.code, reason: result.reason };
  });
  server.on('error', () => {});
  await server.start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 100 });
  return { url: `ws://127.0.0.1:${server.port}`, close: () => server.stop() };
}
