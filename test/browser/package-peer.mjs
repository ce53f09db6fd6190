// The package's own server (Node transport) as an echo peer for the browser tests, obeying the
// subset of the test/helpers/peers.mjs commands that the HarmonyOS server API can carry out:
//   "__close__ <code> <reason>", "__close_empty__", "__last_close__", anything else echoed, no subprotocol.
// The others (`__drop__`, `__headers__`, `__path__`, `__close_nostatus__`, subprotocol paths) need
// access below the API; `peerLimit` lets a runner skip the cases that use them.
import { webSocket } from 'ohos-websocket';

/** What a case's source may ask of its peer that this one cannot do, with the reason. */
const LIMITS = [
  [/__drop__/, 'a TCP drop (__drop__)'],
  [/__headers__|__path__/, 'the request headers or path (__headers__, __path__)'],
  [/__close_nostatus__/, 'a close frame without a status'],
  [/-protocol|protocol: '[a-z]/, 'subprotocol negotiation'],
];

/** Why `run` (a conformance case's function) cannot use this peer, or `undefined`. */
export const peerLimit = (run) => LIMITS.find(([re]) => re.test(run.toString()))?.[1];

/**
 * Starts an echo server of this package on 127.0.0.1 (random port); `transport` picks another
 * transport than the Node default (the test kit's, for the conformance run over the kit).
 */
export async function startPackageEchoServer({ transport } = {}) {
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
