// Nothing throws but on/off (401), whatever a caller passes to ohos-websocket/reconnect — options with
// throwing getters, Proxies, look-alike ArrayBuffers, BigInts included: every call settles (promise
// or callback) with `true` or a BusinessError with a numeric code, and no session is left behind.
// Sockets come from the test kit, so no network is used.
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { webSocket } from 'ohos-websocket';
import { createReconnectingWebSocket } from 'ohos-websocket/reconnect';
import { createTestNetwork } from 'ohos-websocket/testing';

let net;
beforeEach(() => {
  net = createTestNetwork();
  net.peer('ws://fuzz.test/').refuse(503);
  net.install(); // the default factory (this package's webSocket) makes kit sockets too: no network
});
afterEach(() => net.close());

// Throws on every string key (symbols are left alone, for fast-check's own clone/print checks).
const trap = (k) => { if (typeof k === 'symbol') return undefined; throw new Error('trap'); };
const throwing = new Proxy({}, { get: (_t, k) => trap(k), has: (_t, k) => (trap(k), false), ownKeys() { throw new Error('trap'); } });
const lookalike = Object.create(ArrayBuffer.prototype);
const weird = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withTypedArray: true, withNullPrototype: true }),
  fc.constantFrom(throwing, lookalike, { get code() { throw new Error('getter'); } }, new Uint8Array(2), 10n, () => 'ws://fuzz.test/', Symbol('s')),
);
const settles = async (r) => {
  if (r === undefined) return; // a function argument made it the callback form
  try {
    assert.equal(await r, true);
  } catch (e) {
    assert.equal(typeof e?.code, 'number', `rejected with a BusinessError, got ${String(e)}`);
  }
};

test('createReconnectingWebSocket(x).connect/send/close(y) never throw and always settle', async () => {
  await fc.assert(fc.asyncProperty(weird, weird, weird, weird, async (options, url, data, closeOptions) => {
    let ws;
    assert.doesNotThrow(() => { ws = createReconnectingWebSocket(options); });
    const factory = { createWebSocket: () => webSocket.createWebSocket({ transport: net.transport }) };
    const safe = createReconnectingWebSocket({ webSocket: factory, minDelay: 60000 });
    for (const w of [ws, safe]) {
      await settles(w.connect(url));
      await settles(w.connect('ws://fuzz.test/', options));
      await settles(w.send(data));
      await settles(w.close(closeOptions));
      if (w.state !== 'idle') await settles(w.close());
      assert.equal(w.state, 'idle');
    }
    await net.flush();
  }), { numRuns: 200, errorWithCause: true });
});

test('on/off throw exactly 401 for a bad type or callback, and nothing else', () => {
  const ws = createReconnectingWebSocket();
  fc.assert(fc.property(weird, weird, (type, cb) => {
    for (const call of [() => ws.on(type, cb), () => ws.off(type, cb)]) {
      try {
        call();
      } catch (e) {
        assert.equal(e.code, 401);
        assert.ok(e == '401');
      }
    }
  }), { numRuns: 300 });
});
