// The playground's WebSocket side, written with the package's own server mode (the HarmonyOS
// `createWebSocketServer()` API, API 19): an echo server and a broadcast chat room, each on its own
// port because a HarmonyOS server has no notion of paths.
import { webSocket } from 'ohos-websocket';

const HOST = '127.0.0.1';
// Every tab comes from 127.0.0.1, i.e. one client IP: allow plenty of connections for it.
const limits = { maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 100 };

/** Starts `server` on `port`, or on a free port when `port` is taken (2302007) and `fallback` is set. */
async function start(server, config, port, fallback) {
  try {
    await server.start({ ...config, serverPort: port });
  } catch (err) {
    if (!(fallback && port !== 0 && err?.code === webSocket.ErrorCode.PORT_OCCUPIED)) throw err;
    await server.start({ ...config, serverPort: 0 });
  }
  return server;
}

const quiet = () => {};

/**
 * Echo: every message comes back as it was (text as text, binary as binary). A text message
 * `/close <code> <reason>` makes the server close the connection instead, so the page can show a
 * close started by the other side.
 */
export function startEcho(port, fallback, log) {
  const server = webSocket.createWebSocketServer();
  server.on('messageReceive', (message) => {
    const { data, clientConnection } = message;
    if (typeof data === 'string' && /^\/close(\s|$)/.test(data)) {
      const [, code = '1000', ...words] = data.trim().split(/\s+/);
      const reason = words.join(' ') || 'closed by the echo server';
      server.close(clientConnection, { code: Number(code), reason }).catch((err) => log(`echo: close → ${err.code} ${err.message}`));
      return;
    }
    server.send(data, clientConnection).catch(quiet); // the client may be gone already
  });
  server.on('error', (err) => log(`echo: error ${err.code} ${err.message}`));
  // `protocol`: a client may offer the subprotocol "echo"; offering another one fails its handshake.
  return start(server, { serverIP: HOST, protocol: 'echo', ...limits }, port, fallback);
}

/**
 * Chat: every message is relayed to every member (the sender too, so all see one order), and
 * `{"online": n}` is announced whenever someone joins or leaves.
 */
export function startChat(port, fallback, log) {
  const server = webSocket.createWebSocketServer();
  const members = () => server.listAllConnections();
  const broadcast = (data) => {
    for (const member of members()) server.send(data, member).catch(quiet); // a member may be leaving
  };
  server.on('connect', () => broadcast(JSON.stringify({ online: members().length })));
  server.on('close', (gone) => {
    const online = members().filter((m) => m.clientIP !== gone.clientIP || m.clientPort !== gone.clientPort);
    broadcast(JSON.stringify({ online: online.length }));
  });
  server.on('messageReceive', (message) => broadcast(message.data));
  server.on('error', (err) => log(`chat: error ${err.code} ${err.message}`));
  return start(server, { serverIP: HOST, ...limits }, port, fallback);
}
