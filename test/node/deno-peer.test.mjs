// The conformance suite on the Node transport against Deno's native server (test/helpers/deno-peer.ts):
// a peer that does not share our stack (echo, headers, subprotocols, close codes), plus the
// request headers as Deno's server sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import * as util from '../conformance/util.mjs';
import { DENO_PEER, startDenoPeer } from '../helpers/deno-peer.mjs';
import { nodeConformance } from '../helpers/node-conformance.mjs';

nodeConformance('conformance: node transport, Deno native server peer', startDenoPeer, {
  peer: DENO_PEER,
  more: (current) => {
    test('Deno sees our headers lowercased, the Origin, and the subprotocol', async () => {
      const ws = webSocket.createWebSocket();
      const info = util.once(ws, 'openInfo');
      await ws.connect(current().url, { header: { 'X-From-Test': 'Yes', 'X-Dropped': 3 }, protocol: 'chat', supportOriginPort: true });
      assert.equal((await info).protocol, 'chat');
      const h = JSON.parse(await util.ask(ws, '__headers__'));
      assert.equal(h['x-from-test'], 'Yes');
      assert.equal(h['x-dropped'], undefined);
      assert.equal(h.origin, `http://127.0.0.1:${current().port}`);
      assert.equal(h['sec-websocket-protocol'], 'chat');
      const closed = util.once(ws, 'close');
      await ws.close({ code: 4444, reason: 'bye deno' });
      assert.deepEqual(await closed, { code: 4444, reason: 'bye deno' });
    });
  },
});
