// Runs the Deno suite with the real deno binary (npm package `deno`): starts the foreign peers on
// loopback here in Node, hands their URLs to `deno test` through OHOS_WS_PEERS, and asserts that
// deno exits 0. The Deno-side files are test/deno/*.deno.mjs.
import { after, before, describe, test } from 'node:test';
import { readdirSync } from 'node:fs';
import * as assert from 'node:assert/strict';
import { makeCerts, runDeno, startPeers } from './helpers.mjs';

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
      ['test', '--allow-net=127.0.0.1,localhost', `--allow-read`, '--allow-env', ...files.map((f) => `test/deno/${f}`)],
      { env: { OHOS_WS_PEERS: JSON.stringify({ ...peers.urls, certs: { ...certs, cleanup: undefined } }) } },
    );
    assert.equal(code, 0, `deno test failed:\n${output}`);
    const summary = output.match(/ok \| \d+ passed.*/)?.[0];
    assert.ok(summary, `no deno test summary in:\n${output}`);
    t.diagnostic(`deno: ${summary}`);
  });
});
