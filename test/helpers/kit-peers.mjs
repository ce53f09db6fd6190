// The echo peer of test/helpers/peers.mjs (same commands, same subprotocol paths), written with
// the test kit's scripted peers instead of a `ws` server: the conformance suite's peer on an
// in-memory network. Portable (no Node API), so Deno and browser runs can use it too.

/**
 * What the scripted echo peer cannot do at latency 0: the kit answers a handshake within two
 * Promise jobs, faster than any real network ('handshake-time' in cases.mjs).
 */
export const KIT_PEER = Object.freeze({ name: 'the kit at latency 0', lacks: Object.freeze(['handshake-time']) });

/** Subprotocol choice by request path, as `pickProtocol` in peers.mjs. */
function pickProtocol(offered, request) {
  const path = request.path.split('?')[0];
  if (path === '/no-protocol') return false;
  if (path === '/wrong-protocol') return 'zzz';
  return offered[0] ?? false;
}

/** Starts the echo peer on the test network `net` at `url`; returns `{url, peer, close()}`. */
export function startKitEchoPeer(net, url = 'ws://echo.test:8080') {
  let lastClose = null;
  const commands = {
    __close_empty__: (conn) => conn.close(1000, ''),
    __close_nostatus__: (conn) => conn.close(),
    __drop__: (conn) => conn.drop(),
    __headers__: (conn) => conn.send(JSON.stringify(conn.request.headers)),
    __path__: (conn) => conn.send(conn.request.path),
    __last_close__: (conn) => conn.send(JSON.stringify(lastClose)),
  };
  const peer = net.peer(url, {
    protocol: pickProtocol,
    onConnection(conn) {
      conn.closed.then(() => {
        const frame = conn.closeFrame;
        if (frame && frame.code !== 1005) lastClose = { code: frame.code, reason: frame.reason };
      });
    },
    onMessage(data, conn) {
      if (typeof data === 'string' && data.length < 64) {
        if (data.startsWith('__close__ ')) {
          const [, code, ...reason] = data.split(' ');
          return conn.close(Number(code), reason.join(' '));
        }
        if (Object.hasOwn(commands, data)) return commands[data](conn);
      }
      conn.send(data);
    },
  });
  return { url, peer, close: () => peer.close() };
}
