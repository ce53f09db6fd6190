// The shared conformance suite (test/conformance/) as a node:test suite against one running peer,
// through the one runner (test/conformance/runner.mjs): a case is skipped when the transport lacks
// a capability it `needs`, or when the peer lacks a feature (`peer`) the case relies on.
import { after, before, describe, test } from 'node:test';
import { webSocket as defaultModule, BusinessError } from 'ohos-websocket';
import { declareCases } from '../conformance/runner.mjs';
import { refusedPort, WS_PEER } from './peers.mjs';

/**
 * @param {string} title
 * @param {() => Promise<{url: string, close(): unknown}>} startPeer
 * @param {{peer?: {name: string, lacks: readonly string[]}, webSocket?: any, refused?: () => Promise<string>, more?: (peer: () => any) => void}} [options]
 *   `peer` names the peer and what it lacks (default: the ws peer, which lacks nothing); `webSocket`
 *   is the namespace under test (default: the Node entry's); `refused` gives a URL where nothing
 *   listens; `more` declares further tests in the same suite, against the same running peer.
 */
export function nodeConformance(title, startPeer, { peer = WS_PEER, webSocket = defaultModule, refused, more } = {}) {
  const target = { webSocket, BusinessError, peer, urls: {} };
  describe(title, () => {
    let running;
    before(async () => {
      running = await startPeer();
      target.urls.echo = running.url;
      target.urls.refused = refused ? await refused() : `ws://127.0.0.1:${await refusedPort()}`;
    });
    after(() => running?.close());
    declareCases(target, (name, skip, run) => test(name, { skip: skip ?? false }, run));
    more?.(() => running);
  });
}
