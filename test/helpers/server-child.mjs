// Child process for the server tests. Prints one JSON line with what it saw, then must EXIT BY
// ITSELF (no process.exit): a timer, socket or listener left behind by the library shows up as a
// child that never exits.
//   node server-child.mjs lifecycle  → start, a ws client and our client echo once, stop
//   node server-child.mjs throwing   → listeners that throw; the server keeps working
import WebSocket from 'ws';
import { webSocket } from 'ohos-websocket';

const mode = process.argv[2];
const server = webSocket.createWebSocketServer();
const config = { serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 };
const report = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

if (mode === 'lifecycle') {
  server.on('messageReceive', (m) => server.send(m.data, m.clientConnection));
  await server.start(config);
  const url = `ws://127.0.0.1:${server.port}`;
  const foreign = new WebSocket(url);
  const foreignEcho = await new Promise((resolve) => {
    foreign.on('open', () => foreign.send('from ws'));
    foreign.on('message', (d) => resolve(d.toString()));
  });
  const ours = webSocket.createWebSocket();
  const oursEcho = new Promise((resolve) => ours.on('message', (err, d) => resolve(d)));
  ours.on('open', () => ours.send('from ours'));
  await ours.connect(url);
  const oursClosed = new Promise((resolve) => ours.on('close', (err, r) => resolve(r)));
  const foreignClosed = new Promise((resolve) => foreign.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const echoes = [foreignEcho, await oursEcho];
  const stopped = await server.stop();
  report({ echoes, stopped, foreign: await foreignClosed, ours: await oursClosed, left: server.listAllConnections().length });
} else if (mode === 'throwing') {
  const uncaught = [];
  process.on('uncaughtException', (e) => uncaught.push(e.message));
  server.on('connect', () => { throw new Error('connect listener bug'); });
  server.on('messageReceive', (m) => { server.send(m.data, m.clientConnection); throw new Error('message listener bug'); });
  await server.start(config);
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}`);
  const echoes = await new Promise((resolve) => {
    const got = [];
    ws.on('open', () => { ws.send('a'); ws.send('b'); });
    ws.on('message', (d) => { got.push(d.toString()); if (got.length === 2) resolve(got); });
  });
  const closed = new Promise((resolve) => server.on('close', (conn, r) => resolve(r.code)));
  ws.close(4000, 'bye');
  const code = await closed;
  await server.stop();
  await new Promise((r) => setImmediate(r));
  report({ echoes, code, uncaught: uncaught.sort() });
}
