// Runs the shared conformance suite (test/conformance/) on the Node transport against one peer, as
// a node:test suite: a case is skipped when the transport lacks a capability it `needs`, or when
// the peer cannot do a command (`peer`) the case relies on.
import { after, before, describe, test } from 'node:test';
import { webSocket, BusinessError } from 'ohos-websocket';
import { cases } from '../conformance/cases.mjs';
import * as assert from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { refusedPort } from './peers.mjs';

/**
 * @param {string} title
 * @param {() => Promise<{url: string, close(): unknown}>} startPeer
 * @param {{peerName?: string, peerLacks?: string[], more?: (peer: () => any) => void}} [options]
 *   `more` declares further tests in the same suite, against the same running peer.
 */
export function nodeConformance(title, startPeer, { peerName = 'the peer', peerLacks = [], more } = {}) {
  const ctx = { webSocket, BusinessError, assert, util, urls: {} };
  describe(title, () => {
    let peer;
    before(async () => {
      peer = await startPeer();
      ctx.urls.echo = peer.url;
      ctx.urls.refused = `ws://127.0.0.1:${await refusedPort()}`;
    });
    after(() => peer?.close());
    for (const c of cases) {
      const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
      const peerMissing = (c.peer ?? []).filter((f) => peerLacks.includes(f));
      const skip = missing.length
        ? `node transport lacks ${missing.join(', ')}`
        : peerMissing.length ? `${peerName} cannot ${peerMissing.join(', ')}` : false;
      test(c.name, { skip }, () => c.run(ctx));
    }
    more?.(() => peer);
  });
}
