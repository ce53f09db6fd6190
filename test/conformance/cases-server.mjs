// Server cases (API 19, docs/behaviour.md#server): a `WebSocketServer` of the transport under test with clients of
// the same transport. They need no peer — each starts its own server on 127.0.0.1, port 0 — and
// run wherever the transport can listen (`needs: ['server']`): Node, Deno, the test kit, the
// in-process channel transport.
import * as A from './assert.mjs';

const LIMITS = { maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 };

/** Starts a server on 127.0.0.1 (free port) with `config`; resolves with it and its URL. */
async function listen(webSocket, config = {}) {
  const server = webSocket.createWebSocketServer();
  A.equal(await server.start({ serverIP: '127.0.0.1', serverPort: 0, ...LIMITS, ...config }), true);
  A.ok(Number.isInteger(server.port) && server.port > 0, 'server.port is the bound port');
  return { server, url: `ws://127.0.0.1:${server.port}` };
}

/** @type {Array<{name: string, needs?: string[], peer?: string[], run: (ctx: any) => Promise<void>}>} */
export const serverCases = [
  {
    name: 'server: connect, messageReceive, send, listAllConnections, and the close event of a client close',
    needs: ['server'],
    async run({ webSocket, util }) {
      const { server, url } = await listen(webSocket);
      const events = [];
      server.on('connect', (conn) => events.push(['connect', conn]));
      server.on('messageReceive', (m) => {
        events.push(['message', m.data]);
        server.send(`echo ${m.data}`, m.clientConnection);
      });
      const closed = new Promise((resolve) => server.on('close', (conn, result) => resolve([conn, result])));
      const ws = webSocket.createWebSocket();
      await util.openSocket(ws, url);
      const answer = await util.ask(ws, 'hi');
      A.equal(answer, 'echo hi');
      A.equal(events[0][0], 'connect');
      const conn = events[0][1];
      A.equal(conn.clientIP, '127.0.0.1');
      A.ok(Number.isInteger(conn.clientPort), 'clientPort is a number');
      A.deepEqual(server.listAllConnections(), [{ clientIP: conn.clientIP, clientPort: conn.clientPort }]);
      A.deepEqual(events[1], ['message', 'hi']);
      await ws.close({ code: 4000, reason: 'bye' });
      const [closedConn, result] = await closed;
      A.deepEqual(closedConn, conn);
      A.equal(result.code, 4000);
      A.equal(result.reason, 'bye');
      await util.until(() => server.listAllConnections().length === 0, 10000, 'the registry to empty');
      A.equal(await server.stop(), true);
    },
  },
  {
    name: 'server: close(conn, {code, reason}) reaches the client; the server close event reports it',
    needs: ['server'],
    async run({ webSocket, util }) {
      const { server, url } = await listen(webSocket);
      const connected = new Promise((resolve) => server.on('connect', resolve));
      const serverClose = new Promise((resolve) => server.on('close', (_c, r) => resolve(r)));
      const ws = webSocket.createWebSocket();
      const clientClose = util.once(ws, 'close');
      await util.openSocket(ws, url);
      A.equal(await server.close(await connected, { code: 4100, reason: 'kicked' }), true);
      A.deepEqual(await clientClose, { code: 4100, reason: 'kicked' });
      const r = await serverClose;
      A.equal(r.code, 4100);
      A.equal(r.reason, 'kicked');
      await server.stop();
    },
  },
  {
    name: 'server: stop() closes every client with 1001 "server is going away"; stopping again → 2302999',
    needs: ['server'],
    async run({ webSocket, util, assert }) {
      const { server, url } = await listen(webSocket);
      const a = webSocket.createWebSocket();
      const b = webSocket.createWebSocket();
      const closes = [util.once(a, 'close'), util.once(b, 'close')];
      await util.openSocket(a, url);
      await util.openSocket(b, url);
      await util.until(() => server.listAllConnections().length === 2, 10000, 'two connections');
      A.equal(await server.stop(), true);
      for (const c of await Promise.all(closes)) A.deepEqual(c, { code: 1001, reason: 'server is going away' });
      A.deepEqual(server.listAllConnections(), []);
      await assert.rejectsWith(server.stop(), 2302999);
    },
  },
  {
    name: 'server: start errors — twice 2302999, bad serverIP 2302004, bad port 2302005, bad limits 401, port in use 2302007',
    needs: ['server'],
    async run({ webSocket, assert }) {
      const { server } = await listen(webSocket);
      await assert.rejectsWith(server.start({ serverIP: '127.0.0.1', serverPort: 0, ...LIMITS }), 2302999);
      const other = webSocket.createWebSocketServer();
      await assert.rejectsWith(other.start({ serverIP: 'not-an-ip', serverPort: 0, ...LIMITS }), 2302004);
      await assert.rejectsWith(other.start({ serverIP: '127.0.0.1', serverPort: 70000, ...LIMITS }), 2302005);
      await assert.rejectsWith(other.start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 0, maxConnectionsForOneClient: 1 }), 401);
      await assert.rejectsWith(other.start(null), 401);
      await assert.rejectsWith(other.start({ serverIP: '127.0.0.1', serverPort: server.port, ...LIMITS }), 2302007);
      await server.stop();
    },
  },
  {
    name: 'server: maxConnectionsForOneClient — the extra handshake is refused (client error data "503", server error 200)',
    needs: ['server'],
    async run({ webSocket, util }) {
      const { server, url } = await listen(webSocket, { maxConnectionsForOneClient: 1 });
      const serverError = new Promise((resolve) => server.on('error', resolve));
      const first = webSocket.createWebSocket();
      await util.openSocket(first, url);
      const second = webSocket.createWebSocket();
      const log = util.record(second, ['open', 'error']);
      await second.connect(url);
      await util.until(() => log.length >= 1, 10000, 'the refusal');
      A.deepEqual(log.map(([t, e]) => [t, e.code, e.data]), [['error', 200, '503']]);
      A.equal((await serverError).code, 200);
      A.equal(server.listAllConnections().length, 1);
      await server.stop();
    },
  },
  {
    name: 'server: send/close to a connection it does not have → 2302006; a malformed one → 401',
    needs: ['server'],
    async run({ webSocket, assert }) {
      const { server } = await listen(webSocket);
      const nobody = { clientIP: '127.0.0.1', clientPort: 1 };
      await assert.rejectsWith(server.send('x', nobody), 2302006);
      await assert.rejectsWith(server.close(nobody), 2302006);
      await assert.rejectsWith(server.send('x', { clientIP: 1 }), 401);
      await server.stop();
    },
  },
  {
    name: 'server: a configured protocol is answered to a client offering it; a client offering only others fails',
    needs: ['server'],
    async run({ webSocket, util }) {
      const { server, url } = await listen(webSocket, { protocol: 'chat' });
      const ws = webSocket.createWebSocket();
      const info = util.once(ws, 'openInfo');
      await ws.connect(url, { protocol: 'other, chat' });
      A.equal((await info).protocol, 'chat');
      await ws.close();
      const refused = webSocket.createWebSocket();
      const log = util.record(refused, ['open', 'error']);
      await refused.connect(url, { protocol: 'other' });
      await util.until(() => log.length >= 1, 10000, 'the refusal');
      A.deepEqual(log.map(([t]) => t), ['error']);
      await server.stop();
    },
  },
];
