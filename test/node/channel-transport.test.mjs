// The contract is small: test/helpers/channel-transport.mjs, a whole transport (client and server)
// over an in-process channel in under 80 lines, runs the conformance suite with this package's
// server on it as the peer (every case that server can serve).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWebSocketModule } from 'ohos-websocket';
import { channelTransport, refusedChannelPort } from '../helpers/channel-transport.mjs';
import { nodeConformance } from '../helpers/node-conformance.mjs';
import { PACKAGE_PEER, startPackageEchoServer } from '../helpers/package-peer.mjs';

const webSocket = createWebSocketModule(channelTransport);

nodeConformance("conformance: channel transport (in-process, test/helpers), this package's server as peer", () => startPackageEchoServer({ webSocket }), {
  peer: PACKAGE_PEER,
  webSocket,
  refused: async () => `ws://127.0.0.1:${refusedChannelPort()}`,
});

test('the channel transport is under 80 lines', () => {
  const lines = readFileSync(new URL('../helpers/channel-transport.mjs', import.meta.url), 'utf8').trimEnd().split('\n').length;
  assert.ok(lines <= 80, `${lines} lines`);
});
