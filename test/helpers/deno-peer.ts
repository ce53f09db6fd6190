// The echo peer of test/helpers/peers.mjs on Deno's native server (Deno.serve +
// Deno.upgradeWebSocket): a peer that shares nothing with our stack. Prints its port on stdout,
// then serves until stdin closes (so it never outlives the test process that started it).
// Not supported here: "__drop__" (Deno exposes no way to reset the TCP socket under a WebSocket).
let lastClose: { code: number; reason: string } | null = null;

function pickProtocol(path: string, offered: string[]): string | undefined {
  if (path === '/no-protocol') return undefined;
  if (path === '/wrong-protocol') return 'zzz';
  return offered[0];
}

const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(port) }, (req) => {
  if (req.headers.get('upgrade')?.toLowerCase() !== 'websocket') return new Response('websocket only', { status: 426 });
  const url = new URL(req.url);
  const headers = Object.fromEntries(req.headers);
  const offered = (req.headers.get('sec-websocket-protocol') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const protocol = pickProtocol(url.pathname, offered);
  const { socket, response } = Deno.upgradeWebSocket(req, protocol ? { protocol } : {});
  socket.binaryType = 'arraybuffer';
  socket.onclose = (e) => {
    if (e.code !== 1005 && e.code !== 1006) lastClose = { code: e.code, reason: e.reason };
  };
  socket.onmessage = (e) => {
    const data = e.data;
    if (typeof data === 'string' && data.length < 64) {
      if (data.startsWith('__close__ ')) {
        const [, code, ...reason] = data.split(' ');
        return socket.close(Number(code), reason.join(' '));
      }
      if (data === '__close_empty__') return socket.close(1000);
      if (data === '__close_nostatus__') return socket.close();
      if (data === '__headers__') return socket.send(JSON.stringify(headers));
      if (data === '__path__') return socket.send(url.pathname + url.search);
      if (data === '__last_close__') return socket.send(JSON.stringify(lastClose));
    }
    socket.send(data);
  };
  return response;
});

// Serve until the parent closes our stdin.
for await (const _ of Deno.stdin.readable) { /* drain */ }
await server.shutdown();
