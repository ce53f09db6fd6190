// The conformance suite on the Node transport against Deno's native server (test/helpers/deno-peer.ts):
// a peer that does not share our stack (echo, headers, subprotocols, close codes), plus the
// request headers as Deno's server sees them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { webSocket, BusinessError } from 'ohos-websocket';
import { cases } from '../conformance/cases.mjs';
import * as conformanceAssert from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { startDenoPeer } from '../helpers/deno-peer.mjs';

/** Echo-peer features deno-peer.ts lacks (see its header). */
const PEER_LACKS = ['drop'];

async function refusedPort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

describe('conformance: node transport, Deno native server peer', () => {
  const ctx = { webSocket, BusinessError, assert: conformanceAssert, util, urls: {} };
  let peer;
  before(async () => {
    peer = await startDenoPeer();
    ctx.urls.echo = peer.url;
    ctx.urls.refused = `ws://127.0.0.1:${await refusedPort()}`;
  });
  after(() => peer?.close());

  for (const c of cases) {
    const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
    const peerMissing = (c.peer ?? []).filter((f) => PEER_LACKS.includes(f));
    const skip = missing.length ? `node transport lacks ${missing.join(', ')}` : peerMissing.length ? `the Deno peer cannot ${peerMissing.join(', ')}` : false;
    test(c.name, { skip }, () => c.run(ctx));
  }

  test('Deno sees our headers lowercased, the Origin, and the subprotocol', async () => {
    const ws = webSocket.createWebSocket();
    const info = util.once(ws, 'openInfo');
    await ws.connect(peer.url, { header: { 'X-From-Test': 'Yes', 'X-Dropped': 3 }, protocol: 'chat', supportOriginPort: true });
    assert.equal((await info).protocol, 'chat');
    const h = JSON.parse(await util.ask(ws, '__headers__'));
    assert.equal(h['x-from-test'], 'Yes');
    assert.equal(h['x-dropped'], undefined);
    assert.equal(h.origin, `http://127.0.0.1:${peer.port}`);
    assert.equal(h['sec-websocket-protocol'], 'chat');
    const closed = util.once(ws, 'close');
    await ws.close({ code: 4444, reason: 'bye deno' });
    assert.deepEqual(await closed, { code: 4444, reason: 'bye deno' });
  });
});
