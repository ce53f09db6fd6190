#!/usr/bin/env node
// `npm start`: one Node process serving the playground on 127.0.0.1 — the page and the built
// package over HTTP, plus an echo server and a chat room written with the package's own server
// mode. Nothing outside this machine is contacted.
//
//   PORT=9000 node playground/server.mjs   # page on 9000, echo on 9001, chat on 9002
//   PORT=0 node playground/server.mjs      # every port picked free (what the tests do)
// Without PORT the page tries 8080 and falls back to a free port when 8080 is taken.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStaticServer, listen } from './lib/static.mjs';
import { bundleShared } from './lib/bundle.mjs';

const log = (line) => console.log(line);

if (!existsSync(fileURLToPath(new URL('../dist/node/index.mjs', import.meta.url)))) {
  console.error('dist/ is missing: run `npm start` (it builds first) or `npm run build`.');
  process.exit(1);
}
// Imported after the check so a missing build gets the hint above, not a resolution error.
const { startEcho, startChat } = await import('./lib/rooms.mjs');

const fixed = process.env.PORT === undefined || process.env.PORT === '';
const port = fixed ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer between 0 and 65535, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

// Bundled in the background so the URL is printed at once; /build/ requests wait for it.
const generated = bundleShared(log);
const urls = {};
const http = createStaticServer({ config: () => urls, generated });
const pagePort = await listen(http, port, fixed).catch((err) => {
  console.error(`cannot listen on 127.0.0.1:${port}: ${err.code ?? err.message} (pick another PORT, or PORT=0 for a free one)`);
  process.exit(1);
});
// The WebSocket servers sit next to the page's port when they can (stable URLs across runs).
const near = (n) => (pagePort === 0 || port === 0 ? 0 : Math.min(pagePort + n, 65535));
const echo = await startEcho(near(1), true, log);
const chat = await startChat(near(2), true, log);
urls.echo = `ws://127.0.0.1:${echo.port}`;
urls.chat = `ws://127.0.0.1:${chat.port}`;

log(`ohos-websocket playground: http://127.0.0.1:${pagePort}/`);
log(`  echo server: ${urls.echo}  (subprotocol "echo" accepted; send "/close 4000 bye" to be closed)`);
log(`  chat room:   ${urls.chat}`);
log('Press Ctrl+C to stop.');

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  process.off('SIGINT', shutdown);
  process.off('SIGTERM', shutdown);
  // stop() closes every client with 1001 and frees the port; the HTTP side drops idle keep-alives.
  await Promise.allSettled([echo.stop(), chat.stop()]);
  await new Promise((resolve) => {
    http.close(resolve);
    http.closeAllConnections();
  });
  log('stopped');
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
