// Runs the Deno suite with the real deno binary (npm package `deno`): starts the foreign peers on
// loopback here in Node, hands their URLs to `deno test` through OHOS_WS_PEERS, and asserts that
// deno exits 0. The Deno-side files are test/deno/*.deno.mjs.
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { makeCerts, ROOT, runDeno, serveDirectory, startPeers } from './helpers.mjs';
import { silentClient } from '../helpers/raw-peers.mjs';

/** Opens a `ws` client; resolves it once open, or rejects with the HTTP status of a refusal. */
function wsOpen(url, protocols) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => { reject(new Error(`HTTP ${res.statusCode}`)); res.resume(); ws.terminate(); });
    ws.once('error', reject);
  });
}
const next = (ws, event) => new Promise((resolve) => ws.once(event, (...args) => resolve(args)));
const lastJson = (output) => JSON.parse(output.trim().split('\n').filter((l) => l.startsWith('{')).pop());

describe('deno transport under the real deno binary', () => {
  let certs;
  let peers;
  before(async () => {
    certs = makeCerts();
    peers = await startPeers(certs);
  });
  after(async () => {
    await peers?.close();
    certs?.cleanup();
  });

  test('deno test test/deno/*.deno.mjs exits 0', async (t) => {
    const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.deno.mjs') && f !== 'peers.deno.mjs');
    const { code, output } = await runDeno(
      ['test', '--allow-net=127.0.0.1,localhost,[::1]', `--allow-read`, '--allow-env', ...files.map((f) => `test/deno/${f}`)],
      { env: { OHOS_WS_PEERS: JSON.stringify({ ...peers.urls, certs: { ...certs, cleanup: undefined } }) } },
    );
    assert.equal(code, 0, `deno test failed:\n${output}`);
    const summary = output.match(/ok \| \d+ passed.*/)?.[0];
    assert.ok(summary, `no deno test summary in:\n${output}`);
    t.diagnostic(`deno: ${summary}`);
  });
});

test('dist/deno is self-contained ESM: every import is relative (no bare specifier, no node: builtin)', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../../dist/deno/', import.meta.url);
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js'));
  assert.ok(files.includes('index.js'), 'dist/deno/index.js is built');
  for (const f of files) {
    const code = readFileSync(new URL(String(f), dir), 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      assert.match(spec, /^\.\.?\//, `${f} imports "${spec}"`);
    }
    assert.doesNotMatch(code, /\bimport\s*\(\s*['"](?!\.)/, `${f} has a non-relative dynamic import`);
  }
});

describe('Deno programs run by the real deno binary', () => {
  let peers;
  let certs;
  before(async () => {
    certs = makeCerts();
    peers = await startPeers(certs);
  });
  after(async () => {
    await peers?.close();
    certs?.cleanup();
  });

  test("Deno's server (Deno.serve) driven by a ws client from Node: protocol list 'x,chat', echo, 503, stop with 1001, exits by itself", async () => {
    let ready;
    const port = new Promise((resolve) => { ready = resolve; });
    const run = runDeno(['run', '--allow-net=127.0.0.1', 'test/deno/fixtures/echo-server.mjs', '2'], {
      onStdout: (chunk) => { const m = /"port":(\d+)/.exec(chunk); if (m) ready(Number(m[1])); },
    });
    const url = `ws://127.0.0.1:${await Promise.race([port, run.then((r) => { throw new Error(`server exited: ${r.output}`); })])}`;
    const a = await wsOpen(url, ['x', 'chat']); // ws sends "x,chat": no space after the comma
    assert.equal(a.protocol, 'chat');
    a.send('text');
    assert.equal(String((await next(a, 'message'))[0]), 'text');
    a.send(Buffer.from([0, 1, 255]));
    const [bin, isBinary] = await next(a, 'message');
    assert.equal(isBinary, true);
    assert.deepEqual([...bin], [0, 1, 255]);
    const b = await wsOpen(url, ['chat']);
    await assert.rejects(wsOpen(url, ['chat']), /HTTP 503/); // maxConnectionsForOneClient 2
    await assert.rejects(wsOpen(url, ['other']), /HTTP 400/); // protocol not accepted
    a.send('__conns__');
    const conns = JSON.parse(String((await next(a, 'message'))[0]));
    assert.deepEqual(conns.map((c) => c.clientIP), ['127.0.0.1', '127.0.0.1']);
    assert.ok(conns.some((c) => c.clientPort === a._socket.localPort), 'the peer port is the client socket port');
    a.send('__log__');
    const log = JSON.parse(String((await next(a, 'message'))[0]));
    assert.deepEqual(log.filter(([t]) => t === 'error'), [['error', 200, '503']]);
    const closes = [next(a, 'close'), next(b, 'close')];
    a.send('__stop__');
    for (const [code, reason] of await Promise.all(closes)) {
      assert.equal(code, 1001);
      assert.equal(String(reason), 'server is going away');
    }
    const { code, output } = await run;
    assert.equal(code, 0, output);
    assert.deepEqual(lastJson(output), { stopped: true, portFree: true, closes: [1001, 1001] });
  });

  test('Deno server stop() with a client that never reads and one that does: 1001, the silent one dropped after the grace, port free, the process exits by itself', async () => {
    let ready;
    const port = new Promise((resolve) => { ready = resolve; });
    const run = runDeno(['run', '--allow-net=127.0.0.1', 'test/deno/fixtures/echo-server.mjs'], {
      guardMs: 30000, // far above the grace: only a hang trips it
      onStdout: (chunk) => { const m = /"port":(\d+)/.exec(chunk); if (m) ready(Number(m[1])); },
    });
    const p = await Promise.race([port, run.then((r) => { throw new Error(`server exited: ${r.output}`); })]);
    const silent = await silentClient(p, 'chat');
    const a = await wsOpen(`ws://127.0.0.1:${p}`, ['chat']);
    const closed = next(a, 'close');
    a.send('__stop__');
    const [code1001] = await closed;
    assert.equal(code1001, 1001);
    const { code, output } = await run;
    assert.equal(code, 0, output);
    assert.deepEqual(lastJson(output), { stopped: true, portFree: true, closes: [1001, 1001] });
    await silent.dropped(); // the server ended the connection
  });

  for (const how of ['http', 'file']) {
    // Only a dynamic import() of a file: URL needs read permission (a static import does not).
    test(`a Deno script imports the build by ${how}: URL (no import map), echoes, closes, exits by itself`, async () => {
      const served = how === 'http' ? await serveDirectory(new URL('../../dist/deno/', import.meta.url).pathname) : undefined;
      try {
        const moduleUrl = served ? `${served.url}/index.js` : pathToFileURL(`${ROOT}dist/deno/index.js`).href;
        const flags = served
          ? ['--allow-net=127.0.0.1', `--allow-import=127.0.0.1:${served.port}`]
          : ['--allow-net=127.0.0.1', `--allow-read=${ROOT}dist/deno`];
        // A fresh DENO_DIR: the remote-module cache of a URL import must not outlive the test.
        const denoDir = served ? mkdtempSync(join(tmpdir(), 'ohos-ws-deno-dir-')) : undefined;
        const env = denoDir ? { DENO_DIR: denoDir } : {};
        const { code, output } = await runDeno(['run', ...flags, 'test/deno/fixtures/echo-client.mjs', moduleUrl, peers.urls.echo], { env });
        if (denoDir) rmSync(denoDir, { recursive: true, force: true });
        assert.equal(code, 0, output);
        assert.deepEqual(lastJson(output), {
          transport: 'deno',
          events: [
            ['open', { status: 101, message: 'Switching Protocols' }],
            ['message', 'hello from deno'],
            ['message', [1, 2, 255]],
            ['close', { code: 4000, reason: 'done' }],
          ],
        });
      } finally {
        await served?.close();
      }
    });
  }

  test('caPath needs --allow-read: without it an error event names the permission (not 2302002); with it the CA is trusted', async () => {
    const args = ['test/deno/fixtures/ca-path.mjs', peers.urls.tls, certs.ca];
    const without = await runDeno(['run', '--allow-net=127.0.0.1', ...args]);
    assert.equal(without.code, 0, without.output);
    const failed = lastJson(without.output);
    assert.deepEqual([failed.event, failed.code, failed.data], ['error', 200, '0']);
    assert.match(failed.cause, /--allow-read/);
    const withRead = await runDeno(['run', '--allow-net=127.0.0.1', `--allow-read=${certs.dir}`, ...args]);
    assert.equal(withRead.code, 0, withRead.output);
    assert.deepEqual(lastJson(withRead.output), { event: 'open' });
  });

  test("'no-proxy' on a ws: URL bypasses HTTP_PROXY/ALL_PROXY (which Deno would otherwise apply to it), even without --allow-env", async () => {
    const dead = `http://127.0.0.1:${new URL(peers.urls.refused).port}`;
    const moduleUrl = pathToFileURL(`${ROOT}dist/deno/index.js`).href;
    const { code, output } = await runDeno(
      ['run', '--allow-net=127.0.0.1', `--allow-read=${ROOT}dist/deno`, 'test/deno/fixtures/echo-client.mjs', moduleUrl, peers.urls.echo],
      { env: { HTTP_PROXY: dead, ALL_PROXY: dead } },
    );
    assert.equal(code, 0, output);
    assert.deepEqual(lastJson(output).events.map(([t]) => t), ['open', 'message', 'message', 'close']);
  });

  test("proxy 'system' on Deno: HTTPS_PROXY (with credentials) is used for wss:, as Deno reads it itself", async () => {
    const args = ['run', '--allow-net=127.0.0.1,localhost', `--allow-read=${certs.dir}`, 'test/deno/fixtures/ca-path.mjs', peers.urls.tlsLocalhost, certs.ca];
    const proxy = (auth) => ({ env: { HTTPS_PROXY: `http://${auth}@127.0.0.1:${peers.urls.proxyPort}` } });
    const good = await runDeno(args, proxy('user:pass'));
    assert.equal(good.code, 0, good.output);
    assert.deepEqual(lastJson(good.output), { event: 'open' });
    // The proxy demands user:pass, so a refusal proves the connection went through it.
    const bad = await runDeno(args, proxy('user:wrong'));
    assert.equal(bad.code, 0, bad.output);
    assert.equal(lastJson(bad.output).event, 'error');
  });

  test("inside Deno, 'ohos-websocket' resolves by name to the deno build, and the Node transport can be picked for the full option set", async () => {
    const { code, output } = await runDeno(['run', '--allow-net=127.0.0.1', '--allow-env', 'test/deno/fixtures/node-transport.mjs', peers.urls.echo, peers.urls.tls]);
    assert.equal(code, 0, output);
    assert.deepEqual(lastJson(output), {
      default: 'deno',
      denoHeartbeat: 801,
      node: 'via node transport',
      global: 'node',
      skipVerify: 'via node transport',
    });
  });
});
