// ohos-websocket/reconnect's policy under fake timers (node:test mock timers), on the test kit
// (ohos-websocket/testing): the backoff schedule with and without jitter, factor and maxDelay,
// maxRetries, minUptime, connectTimeout, a heartbeat timeout — each checked to the millisecond:
// nothing happens one millisecond early, the retry happens on time.
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { createReconnectingWebSocket } from 'ohos-websocket/reconnect';
import { createTestNetwork } from 'ohos-websocket/testing';

const URL = 'ws://schedule.test/feed';
let net;
let peer;
beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  net = createTestNetwork();
  peer = net.peer(URL);
});
afterEach(() => {
  net.close();
  mock.timers.reset();
});

/** A reconnecting socket on the kit's network, recording its extension events. */
function reconnecting(options) {
  const ws = createReconnectingWebSocket({ connectTimeout: 0, ...options, webSocket: { createWebSocket: () => webSocket.createWebSocket({ transport: net.transport }) } });
  const log = { reconnecting: [], giveUp: [], open: 0, close: [] };
  ws.on('reconnecting', (info) => log.reconnecting.push(info));
  ws.on('giveUp', (info) => log.giveUp.push(info));
  ws.on('open', () => log.open++);
  ws.on('close', (err, result) => log.close.push(result));
  ws.on('error', () => {});
  return { ws, log };
}
/** Lets every delivery and Promise job run (setImmediate is not faked). */
const idle = async () => {
  await net.flush();
  await new Promise((r) => setImmediate(r));
  await net.flush();
};
const tick = async (ms) => {
  mock.timers.tick(ms);
  await idle();
};

/** Drives retries against a refusing peer and returns the delays seen, checking each to the ms. */
async function schedule(options, retries) {
  peer.refuse(503, 'Service Unavailable');
  const { ws, log } = reconnecting(options);
  await ws.connect(URL);
  await idle();
  for (let i = 0; i < retries; i++) {
    assert.equal(log.reconnecting.length, i + 1, `retry ${i + 1} scheduled`);
    const { delay, attempt, reason } = log.reconnecting[i];
    assert.equal(attempt, i + 1);
    assert.equal(reason.status, 503);
    const before = peer.handshakes.length;
    if (delay > 0) {
      await tick(delay - 1);
      assert.equal(peer.handshakes.length, before, `no attempt 1 ms before the ${delay} ms delay`);
    }
    await tick(delay > 0 ? 1 : 0);
    assert.equal(peer.handshakes.length, before + 1, `the attempt after ${delay} ms`);
  }
  return { ws, log, delays: log.reconnecting.slice(0, retries).map((i) => i.delay) };
}

test('defaults without jitter: 1, 2, 4, 8, 16 s, then capped at 30 s', async () => {
  const { ws, delays } = await schedule({ jitter: false }, 8);
  assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  await ws.close();
});

test('full jitter: a uniform draw in [0, ceiling) from the random source', async () => {
  const draws = [0.5, 0, 0.999, 0.25];
  const { ws, delays } = await schedule({ random: () => draws.shift() }, 4);
  assert.deepEqual(delays, [500, 0, 3996, 2000]);
  await ws.close();
});

test('factor 3, minDelay 100, maxDelay 1000', async () => {
  const { ws, delays } = await schedule({ jitter: false, minDelay: 100, maxDelay: 1000, factor: 3 }, 5);
  assert.deepEqual(delays, [100, 300, 900, 1000, 1000]);
  await ws.close();
});

test('maxRetries 3: the fourth failure gives up; no timer or attempt follows', async () => {
  const { log } = await schedule({ jitter: false, maxRetries: 3 }, 3);
  assert.deepEqual(log.giveUp.map((g) => [g.attempts, g.stoppedBy]), [[3, 'maxRetries']]);
  assert.deepEqual(log.close, [{ code: 0, reason: 'The link is down' }]);
  const n = peer.handshakes.length;
  await tick(24 * 3600 * 1000);
  assert.equal(peer.handshakes.length, n);
});

test('close() while backing off clears the timer: a day later, no attempt', async () => {
  const { ws, log } = await schedule({ jitter: false }, 2);
  await ws.close({ code: 4000, reason: 'later' });
  await idle();
  assert.deepEqual(log.close, [{ code: 4000, reason: 'later' }]);
  const n = peer.handshakes.length;
  await tick(24 * 3600 * 1000);
  assert.equal(peer.handshakes.length, n);
  assert.equal(ws.state, 'idle');
});

test('minUptime: a link that dies sooner keeps the backoff growing; one that lived long enough resets it', async () => {
  const { ws, log } = reconnecting({ jitter: false, minUptime: 5000 });
  await ws.connect(URL);
  await idle();
  assert.equal(log.open, 1);
  peer.connections.at(-1).drop();
  await idle();
  assert.deepEqual(log.reconnecting.map((i) => [i.attempt, i.delay]), [[1, 1000]]);
  await tick(1000);
  assert.equal(log.open, 2);
  await tick(4999); // up 4,999 ms: not enough
  peer.connections.at(-1).drop();
  await idle();
  assert.deepEqual(log.reconnecting.at(-1), { ...log.reconnecting.at(-1), attempt: 2, delay: 2000 });
  await tick(2000);
  assert.equal(log.open, 3);
  await tick(5000); // up 5,000 ms: the backoff resets
  peer.connections.at(-1).drop();
  await idle();
  assert.deepEqual([log.reconnecting.at(-1).attempt, log.reconnecting.at(-1).delay], [1, 1000]);
  await ws.close();
});

test('connectTimeout: an attempt that does not open in time is abandoned (reason timeout) and retried', async () => {
  peer.delay(Infinity);
  const { ws, log } = reconnecting({ jitter: false, connectTimeout: 5000 });
  await ws.connect(URL);
  await tick(4999);
  assert.equal(log.reconnecting.length, 0);
  await tick(1);
  assert.deepEqual(log.reconnecting.map((i) => [i.attempt, i.delay, i.reason.type]), [[1, 1000, 'timeout']]);
  peer.accept();
  peer.delay(0);
  await tick(1000);
  assert.equal(log.open, 1);
  assert.equal(peer.handshakes.length, 2);
  await ws.close();
});

test('a heartbeat timeout (pings unanswered) is a drop: reconnecting {close, 0}, then open again', async () => {
  const { ws, log } = reconnecting({ jitter: false });
  await ws.connect(URL, { pingInterval: 10, pongTimeout: 5 });
  await idle();
  assert.equal(log.open, 1);
  peer.connections.at(-1).answerPings(false);
  await tick(10000);
  assert.equal(log.reconnecting.length, 0, 'a ping is out, its deadline not yet passed');
  await tick(5000);
  assert.deepEqual(log.reconnecting.map((i) => [i.reason.type, i.reason.code, i.reason.error?.code]), [['close', 0, 200]]);
  await tick(1000);
  assert.equal(log.open, 2);
  assert.deepEqual(log.close, [], 'the app saw no close');
  await ws.close();
});
