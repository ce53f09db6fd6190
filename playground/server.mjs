#!/usr/bin/env node
// `npm start`: one Node process serving the playground on 127.0.0.1 — the page and the built
// package over HTTP, plus an echo server and a chat room written with the package's own server
// mode. Nothing outside this machine is contacted.
//
//   PORT=9000 node playground/server.mjs   # page on 9000, echo on 9001, chat on 9002
//   PORT=0 node playground/server.mjs      # every port picked free (what the tests do)
// Without PORT the page tries 8080 and falls back to a free port when 8080 is taken.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStaticServer, listen } from './lib/static.mjs';
import { bundleShared } from './lib/bundle.mjs';

const log = (line) => console.log(line);

// `npm start` is `node playground/server.mjs --build`: the build runs to completion first, then this
// one process serves everything, so a signal to npm (which it passes on) reaches the only process
// holding ports. (A `build && serve` shell chain left the server running on SIGTERM.)
// OHOS_WS_NO_BUILD=1 skips the build (the tests, which build once before running).
if (process.argv.includes('--build') && !process.env.OHOS_WS_NO_BUILD) {
  const npm = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath, 'run', '--silent', 'build']]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build']];
  const built = spawnSync(npm[0], npm[1], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('npm run build failed: the playground needs dist/ (see the errors above)');
    process.exit(built.status ?? 1);
  }
}

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


// `npm start` runs us through a shell (npm → sh -c → node); a SIGTERM to npm ends that shell but
// never reaches this process. Being re-parented means whoever started us is gone: stop as on SIGTERM.
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid !== parent) shutdown('parent process gone');
}, 250);
orphanWatch.unref();

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  clearInterval(orphanWatch);
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

// Printed once the signal handlers are in place: from here on Ctrl+C stops cleanly.
log(`ohos-websocket playground: http://127.0.0.1:${pagePort}/`);
log(`  echo server: ${urls.echo}  (subprotocol "echo" accepted; send "/close 4000 bye" to be closed)`);
log(`  chat room:   ${urls.chat}`);
log('Press Ctrl+C to stop.');
