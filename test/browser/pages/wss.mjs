// Loaded by esm.html-like pages through page.evaluate: one wss: round trip with the ESM build,
// reporting every event in order.
export async function wssRoundTrip(webSocket, url) {
  const log = [];
  const ws = webSocket.createWebSocket();
  const ended = new Promise((resolve) => {
    ws.on('open', (_e, v) => { log.push(['open', v]); ws.send('tls ✓'); ws.send(new Uint8Array([9, 8, 7]).buffer); });
    ws.on('message', (_e, d) => {
      log.push(['message', typeof d === 'string' ? d : [...new Uint8Array(d)]]);
      if (log.filter(([t]) => t === 'message').length === 2) ws.close();
    });
    ws.on('close', (_e, v) => { log.push(['close', v]); resolve(); });
    ws.on('error', (e) => { log.push(['error', e.code, e.data]); resolve(); });
  });
  log.push(['connect', await ws.connect(url)]);
  await ended;
  // The session is over either way: close() has nothing left to close.
  log.push(['session over', await ws.close().catch((e) => e.code)]);
  return log;
}
