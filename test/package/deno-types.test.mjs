// `deno check` on the built Deno file imported by path and by URL (served from 127.0.0.1): the file
// names its declarations in a `@ts-self-types` comment, and those resolve as URLs, so
// `webSocket.WebSocket` is a type and callbacks are typed. A `@ts-expect-error` line proves the types
// are real (with `any` it would be unused, which is itself an error).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DENO = join(root, 'node_modules/.bin/deno');
const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-deno-types-'));
let server;
let port;

before(async () => {
  server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url, 'http://x').pathname;
      const body = await readFile(join(root, 'dist', path));
      res.writeHead(200, { 'content-type': path.endsWith('.ts') ? 'application/typescript' : 'text/javascript' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  port = server.address().port;
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const program = (specifier) => `
import { webSocket, BusinessError } from '${specifier}';
const ws: webSocket.WebSocket = webSocket.createWebSocket();
ws.on('open', (err: BusinessError, value: Object) => console.log(err, value));
ws.on('close', (_err, result) => console.log(result.code, result.reason));
const server: webSocket.WebSocketServer = webSocket.createWebSocketServer();
const conns: webSocket.WebSocketConnection[] = server.listAllConnections();
// @ts-expect-error: connect() takes a URL string
ws.connect(42);
export { conns };
`;

/** Runs `deno check` with a fresh cache (so nothing is taken from an earlier run). */
function denoCheck(file, extra = []) {
  return new Promise((resolve) => {
    const child = spawn(DENO, ['check', '--no-lock', ...extra, file], {
      cwd: dir,
      env: { ...process.env, DENO_DIR: join(dir, 'cache'), NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (s) => (out += s));
    child.stderr.on('data', (s) => (out += s));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('every dist/deno entry names its declarations for Deno', () => {
  const entries = readdirSync(join(root, 'dist/deno')).filter((f) => f.endsWith('.js')).concat('transports/deno.js');
  assert.ok(entries.includes('index.js') && entries.includes('base.js'));
  for (const entry of entries) {
    const first = readFileSync(join(root, 'dist/deno', entry), 'utf8').split('\n')[0];
    assert.match(first, /^\/\/ @ts-self-types="\.{1,2}\/types\/.+\.d\.ts"$/, entry);
  }
});

test('deno check: the built Deno file imported by path', async () => {
  const file = join(dir, 'by-path.ts');
  writeFileSync(file, program(pathToFileURL(join(root, 'dist/deno/index.js')).href));
  const r = await denoCheck(file);
  assert.equal(r.code, 0, r.out);
});

test('deno check: the built Deno file imported by URL', async () => {
  const file = join(dir, 'by-url.ts');
  writeFileSync(file, program(`http://127.0.0.1:${port}/deno/index.js`));
  const r = await denoCheck(file, [`--allow-import=127.0.0.1:${port}`]);
  assert.equal(r.code, 0, r.out);
  assert.doesNotMatch(r.out, /Cannot find namespace/);
});
