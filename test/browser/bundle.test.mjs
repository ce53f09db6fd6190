// The browser builds as files: self-contained (no bare imports, so `<script type="module">` can
// import them by URL), free of Node/Deno APIs and of server, proxy and TLS transport code, and the
// script-tag file within its size budget. Parsed with rollup's own parser so comments and JSDoc
// examples (which mention package names) do not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';
import { ROOT } from './harness.mjs';

/**
 * A ceiling that catches regressions (server code leaking back in). The 6,144-byte budget of issue 14
 * is not met (see docs/bench.md); `npm run bench` reports the figure against that budget. Raised
 * from 7168 to 8480 when every build, this one included, began to carry the errors' `cause` texts
 * (docs/behaviour.md#errors), the checks that keep hostile values from throwing, the handshake timeout and the
 * WebSocket class taken at transport creation (issue 10); to 8576 for the bridge's one-microtask
 * callback queue and shared settled promise (issue 14: the callback-form send's cost in Chromium);
 * lowered to 8160 (≈ the file + 64 B, with the try/finally of a message delivery) once validation became
 * a schema, causes one shape and the proxy rules arrived only with tunnelling transports (8,050 B);
 * lowered to 7720 (≈ the file + 1 %) once the heartbeat and the file step arrived only with the
 * transports that ping / read files, one encodeInto replaced the UTF-8 counter and causes shrank
 * (7,641 B). Lower this when the file shrinks.
 */
const BUDGET = 7780;

const files = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? files(p) : p.endsWith('.js') ? [p] : [];
});
const BROWSER = files(join(ROOT, 'dist/browser'));
const SCRIPT = join(ROOT, 'dist/ohos-websocket.min.js');

/** Every node of a parsed program, depth first. */
function* nodes(n) {
  if (!n || typeof n.type !== 'string') return;
  yield n;
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) for (const c of v) yield* nodes(c);
    else if (v && typeof v === 'object') yield* nodes(v);
  }
}

/** Names a browser build must never mention as code: Node/Deno APIs and server/proxy/TLS plumbing. */
const FORBIDDEN = new Set([
  'require', 'process', 'Buffer', 'Deno', '__dirname', // Node / Deno globals
  'readFileSync', 'stat', 'createHttpClient', 'rejectUnauthorized', 'passphrase', 'minVersion', // TLS options
  'HttpsProxyAgent', 'CONNECT', // proxy tunnel
  'WebSocketServer', 'upgradeWebSocket', 'createServer', 'handleUpgrade', // server transports
  'server is going away', 'maxConcurrentClientsNumber', // the server core (it arrives with listening transports)
  'setInterval', 'the attempt was superseded', // the heartbeat and the file step (they arrive with transports that ping / read files)
]);

function inspect(file) {
  const ast = parseAst(readFileSync(file, 'utf8'));
  const specifiers = [];
  const names = new Set();
  for (const n of nodes(ast)) {
    if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(n.type) && n.source) specifiers.push(n.source.value);
    if (n.type === 'ImportExpression') specifiers.push(n.source.type === 'Literal' ? n.source.value : '<computed>');
    if (n.type === 'Identifier' && FORBIDDEN.has(n.name)) names.add(n.name);
    if (n.type === 'Literal' && typeof n.value === 'string' && (FORBIDDEN.has(n.value) || n.value.startsWith('node:'))) names.add(n.value);
  }
  return { specifiers, names: [...names] };
}

test('the browser ESM build exists and imports only its own files (no bare specifiers)', () => {
  assert.ok(BROWSER.some((f) => f.endsWith('dist/browser/index.js')), 'dist/browser/index.js is built');
  for (const f of BROWSER) {
    const bare = inspect(f).specifiers.filter((s) => !s.startsWith('./') && !s.startsWith('../'));
    assert.deepEqual(bare, [], `${relative(ROOT, f)} imports ${bare.join(', ')}`);
  }
});

/**
 * The names of the core parts only capable transports deliver (server, heartbeat, file step):
 * allowed only in what the test kit's entry alone loads (its network listens, pings and has files).
 */
const SERVER_CORE = new Set(['server is going away', 'maxConcurrentClientsNumber', 'setInterval', 'the attempt was superseded']);

/** `entry` and every file it imports, transitively. */
function reachable(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const s of inspect(entry).specifiers) if (s.startsWith('.')) reachable(join(entry, '..', s), seen);
  return seen;
}

test('no Node/Deno API, server transport, proxy, TLS, heartbeat or file-check code in the browser builds', () => {
  // ohos-websocket/testing brings the server core, the heartbeat and the file step (its network
  // listens, pings and has files), never the other code.
  const kitOnly = reachable(join(ROOT, 'dist/browser/testing.js'));
  for (const f of BROWSER.filter((b) => !b.endsWith('testing.js'))) for (const r of reachable(f)) kitOnly.delete(r);
  for (const f of [...BROWSER, SCRIPT]) {
    const names = inspect(f).names.filter((n) => !(kitOnly.has(f) && SERVER_CORE.has(n)));
    assert.deepEqual(names, [], `${relative(ROOT, f)} mentions these`);
  }
  for (const n of SERVER_CORE) assert.ok([...kitOnly].some((f) => inspect(f).names.includes(n)), `the kit carries the core part that mentions ${n}`);
});

test('the script-tag build is one file with no imports that assigns the global webSocket', () => {
  const code = readFileSync(SCRIPT, 'utf8');
  assert.deepEqual(inspect(SCRIPT).specifiers, []);
  assert.match(code, /^var webSocket=/, 'an IIFE assigned to var webSocket');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.unpkg, './dist/ohos-websocket.min.js');
  assert.equal(pkg.jsdelivr, './dist/ohos-websocket.min.js');
});

test(`the script-tag build fits the budget (${BUDGET} bytes min+gzip)`, () => {
  const code = readFileSync(SCRIPT);
  const gz = gzipSync(code, { level: 9 }).length;
  console.log(`# dist/ohos-websocket.min.js: ${code.length} bytes minified, ${gz} bytes gzip -9`);
  assert.ok(gz <= BUDGET, `${gz} bytes min+gzip is over the ${BUDGET}-byte budget (node bench/size/composition.mjs shows what it is made of)`);
});
