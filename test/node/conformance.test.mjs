// Runs the shared conformance suite against the Node transport, with a `ws` peer on loopback.
import { after, before, describe, test } from 'node:test';
import { createServer } from 'node:net';
import { webSocket, BusinessError } from 'ohos-websocket';
import { cases } from '../conformance/cases.mjs';
import * as assert from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { startEchoServer } from '../helpers/peers.mjs';

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function refusedPort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

describe('conformance: node transport, ws peer', () => {
  const ctx = { webSocket, BusinessError, assert, util, urls: {} };
  let echo;
  before(async () => {
    echo = await startEchoServer();
    ctx.urls.echo = echo.url;
    ctx.urls.refused = `ws://127.0.0.1:${await refusedPort()}`;
  });
  after(() => echo.close());
  for (const c of cases) {
    const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
    test(c.name, { skip: missing.length ? `node transport lacks ${missing.join(', ')}` : false }, () => c.run(ctx));
  }
});
