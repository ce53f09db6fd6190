// Helpers the three runners' examples share, as a project would keep them next to its tests: a
// transcript of what a ChatRoom member hears, and a server that pushes messages to each member.
import { webSocket } from 'ohos-websocket';

export const ROOM = 'ws://chat.test/room';

/** What a member hears when the link dies under it (a drop, or a heartbeat timeout). */
export const LINK_LOST = ['* joined', '* error 200: Websocket connect failed', '* left (0 The link is down)'];

/** A ChatListener writing every line, presence count and status into `lines`. */
export function transcript() {
  const lines = [];
  const listener = {
    onLine: (line) => lines.push(`${line.from}: ${line.text}`),
    onPresence: (online) => lines.push(`* ${online} online`),
    onStatus: (status) => lines.push(`* ${status}`),
  };
  return { lines, listener };
}

/**
 * Starts a WebSocketServer on the default transport (the installed test network) that greets each
 * member with the head count and a welcome line. Resolves with its URL and the server.
 */
export async function startGreeter() {
  const server = webSocket.createWebSocketServer();
  server.on('connect', (conn) => {
    server.send(JSON.stringify({ online: server.listAllConnections().length }), conn);
    server.send(JSON.stringify({ from: 'server', text: 'welcome' }), conn);
  });
  await server.start({ serverIP: '127.0.0.1', serverPort: 8082, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
  return { url: 'ws://127.0.0.1:8082', server };
}
