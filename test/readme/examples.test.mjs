// The README's examples run as pasted: every JavaScript block of "Quick starts" and "Scaling out" is
// written to a file of a scratch project (node_modules/ohos-websocket = this package, built) and run
// against a local playground (`npm start`'s server on free ports: the README's 127.0.0.1:8081 becomes
// the echo server's real port, 9000 a free one). A block must exit by itself with status 0 and print
// nothing on stderr; a server block is stopped the way its text says (Ctrl+C, SIGTERM). The Deno block
// runs in Deno with its URL-import variant (no registry here). Code blocks hold no character that
// breaks pasted code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { webSocket } from 'ohos-websocket';
import { startPlayground } from '../playground/start.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const DENO = join(root, 'node_modules/.bin/deno');
const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-readme-'));
let playground;

/** The fenced blocks of the README section whose heading starts with `title`. */
function blocks(title, lang) {
  const start = readme.indexOf(`\n## ${title}`);
  assert.ok(start >= 0, `README section "${title}"`);
  const end = readme.indexOf('\n## ', start + 4);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

before(async () => {
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'ohos-websocket'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  playground = await startPlayground();
});
after(async () => {
  await playground?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `code` as a file of the scratch project; `drive(child, lines)` may stop it. */
async function runBlock(name, code, { deno = false, env = {}, drive } = {}) {
  const echoPort = new URL(playground.config.echo).port;
  const port = await freePort();
  const text = code.replaceAll('127.0.0.1:8081', `127.0.0.1:${echoPort}`).replace(/\b9000\b/g, String(port));
  const file = join(dir, name);
  writeFileSync(file, text);
  const args = deno ? [DENO, ['run', '--quiet', '--no-lock', `--allow-net=127.0.0.1`, `--allow-read=${root}`, file]] : [process.execPath, [file]];
  const child = spawn(args[0], args[1], {
    cwd: dir,
    env: { ...process.env, ...env, PORT: String(port), NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(dir, 'deno-cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  const exited = once(child, 'close');
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000); // a hang fails the test, it does not stall the suite
  try {
    if (drive) await drive({ child, port, output: () => stdout, exited });
    const [code, signal] = await exited;
    return { code, signal, stdout, stderr, text };
  } finally {
    clearTimeout(guard);
  }
}

/** Resolves once `output()` matches `re` `count` times (or the process ends). */
async function waitFor(ctx, re, count = 1) {
  const g = new RegExp(re.source, 'g');
  while ((ctx.output().match(g) ?? []).length < count) {
    const ended = await Promise.race([once(ctx.child.stdout, 'data').then(() => false), ctx.exited.then(() => true)]);
    if (ended) assert.fail(`ended before printing ${re}:\n${ctx.output()}`);
  }
}

/** One client round trip to `port`: what the server echoed. */
async function echoOnce(port, text) {
  const ws = webSocket.createWebSocket();
  const got = new Promise((resolve) => ws.on('message', (_err, data) => resolve(data)));
  await ws.connect(`ws://127.0.0.1:${port}`);
  await ws.send(text);
  const data = await got;
  await ws.close();
  return data;
}

test('code blocks hold no character that breaks pasted code (…, curly quotes, non-breaking space)', () => {
  // Comments may say "…": only code outside `//` comments is pasted into a parser.
  const code = [...readme.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((m) => m[1].replace(/(^|\s)\/\/.*$/gm, '$1')).join('\n');
  const bad = [...code.matchAll(/[\u2026\u2018\u2019\u201c\u201d\u00a0]/g)].map((m) => code.slice(Math.max(0, m.index - 30), m.index + 10));
  assert.deepEqual(bad, []);
});

test('every error example in the quick starts logs err.cause', () => {
  for (const block of [...blocks('Quick starts', 'js'), ...blocks('Quick starts', 'ts'), ...blocks('Quick starts', 'html')]) {
    for (const line of block.split('\n').filter((l) => /console\.(error|log)\(.*err\.code/.test(l))) assert.match(line, /err\.cause/, line);
  }
});

test('README Quick starts: every JavaScript block runs as pasted against the playground', async () => {
  const js = blocks('Quick starts', 'js');
  assert.ok(js.length >= 4, `found ${js.length} blocks`);
  for (const [i, code] of js.entries()) {
    const deno = code.includes("from 'npm:ohos-websocket'");
    const source = deno ? code.replace("'npm:ohos-websocket'", `'${pathToFileURL(join(root, 'dist/deno/index.js')).href}'`) : code;
    const server = code.includes("process.once('SIGINT'");
    const r = await runBlock(`quick-${i}.mjs`, source, {
      deno,
      drive: server
        ? async (ctx) => {
            await waitFor(ctx, /listening on/);
            assert.equal(await echoOnce(ctx.port, 'ping'), 'ping');
            ctx.child.kill('SIGINT'); // what Ctrl+C does
          }
        : undefined,
    });
    assert.equal(r.stderr, '', `block ${i} wrote to stderr:\n${r.text}`);
    assert.equal(r.code, 0, `block ${i} exited with ${r.code} / ${r.signal}:\n${r.stdout}\n${r.text}`);
    if (!server) assert.match(r.stdout, /hi|hello|Hello, server!/i, `block ${i} saw no echo:\n${r.stdout}`);
  }
});

test('README Scaling out: the node:cluster recipe serves one port from two workers, echoing from both', async () => {
  const [code] = blocks('Scaling out', 'js');
  assert.ok(code?.includes('node:cluster'));
  const r = await runBlock('cluster.mjs', code, {
    env: { WORKERS: '2' },
    drive: async (ctx) => {
      await waitFor(ctx, /serving ws:/, 2);
      const workers = new Set();
      for (let i = 0; i < 6; i++) {
        const reply = await echoOnce(ctx.port, `m${i}`);
        assert.match(reply, new RegExp(`^worker \\d+: m${i}$`));
        workers.add(reply.split(':')[0]);
      }
      assert.equal(workers.size, 2, 'connections are spread over both workers');
      ctx.child.kill('SIGTERM'); // to the primary alone: it passes it on
    },
  });
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0, r.stdout);
});
