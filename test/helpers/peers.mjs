// Real peers on loopback for the Node-side tests: a `ws` echo server that also obeys a few
// commands, so every suite (Node, Deno, Chromium) can drive the same behaviours:
//   text "__close__ <code> <reason>"  → the server closes with that code and reason
//   text "__close_empty__"            → the server closes with 1000 and an empty reason
//   text "__drop__"                   → the server destroys the TCP socket (abnormal drop)
//   text "__headers__"                → the server answers with the request headers as JSON
//   anything else                     → echoed back, text as text, binary as binary
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

export function handleEcho(socket, req) {
  socket.on('message', (data, isBinary) => {
    if (!isBinary) {
      const s = data.toString();
      if (s.startsWith('__close__ ')) {
        const [, code, ...reason] = s.split(' ');
        return socket.close(Number(code), reason.join(' '));
      }
      if (s === '__close_empty__') return socket.close(1000);
      if (s === '__drop__') return socket._socket.destroy();
      if (s === '__headers__') return socket.send(JSON.stringify(req.headers));
    }
    socket.send(data, { binary: isBinary });
  });
}

/**
 * Starts a `ws` echo server on 127.0.0.1 with a random port.
 * @returns {Promise<{url: string, port: number, server: import('node:http').Server, wss: WebSocketServer, close(): Promise<void>}>}
 */
export async function startEchoServer({ handleProtocols, server = createServer() } = {}) {
  const wss = new WebSocketServer({ server, handleProtocols });
  wss.on('connection', handleEcho);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const scheme = typeof server.setSecureContext === 'function' ? 'wss' : 'ws';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    server,
    wss,
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
