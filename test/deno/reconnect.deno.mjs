// ohos-websocket/reconnect under Deno (the `deno` build, dist/deno/reconnect.js, Deno's native
// WebSocket) against the foreign peers deno.test.mjs started. Deno's op and resource sanitizers stay
// on, so each test also proves that nothing (timer, socket) outlives the session.
import * as A from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { peers } from './peers.deno.mjs';

const { createReconnectingWebSocket, QUEUE_FULL } = await import(new URL('../../dist/deno/reconnect.js', import.meta.url).href);
const FAST = { minDelay: 20, maxDelay: 40, jitter: false };

function recordAll(ws) {
  const log = [];
  for (const t of ['open', 'message', 'error', 'close', 'reconnecting', 'giveUp']) {
    ws.on(t, (a, b) => log.push([t, t === 'error' || t === 'reconnecting' || t === 'giveUp' ? a : b]));
  }
  log.of = (type) => log.filter(([t]) => t === type).map(([, p]) => p);
  return log;
}

Deno.test('reconnect (Deno): a drop is reconnected, messages flow, close ends the session', async () => {
  const ws = createReconnectingWebSocket(FAST);
  const log = recordAll(ws);
  await ws.connect(peers.echo);
  await util.until(() => log.of('open').length === 1, 10000, 'open');
  await ws.send('__drop__');
  await util.until(() => log.of('open').length === 2, 10000, 'reopened');
  A.equal(log.of('reconnecting')[0].reason.type, 'close');
  await ws.send('again');
  await util.until(() => log.of('message').includes('again'), 10000, 'echo');
  A.equal(log.of('close').length, 0);
  await ws.close();
  await util.until(() => log.of('close').length === 1, 10000, 'close');
  A.deepEqual(log.of('close')[0], { code: 1000, reason: 'CLOSE_NORMAL' });
});

Deno.test('reconnect (Deno): a 403 with shouldReconnect false gives up; the status is the reason', async () => {
  const ws = createReconnectingWebSocket({ ...FAST, shouldReconnect: (r) => r.status !== 403 });
  const log = recordAll(ws);
  await ws.connect(peers.refuse403);
  await util.until(() => log.of('close').length === 1, 10000, 'close');
  A.deepEqual(log.map(([t]) => t), ['error', 'giveUp', 'close']);
  A.equal(log.of('giveUp')[0].reason.status, 403);
});

Deno.test('reconnect (Deno): close() while backing off leaves no timer; the queue overflows loudly', async () => {
  const ws = createReconnectingWebSocket({ minDelay: 60000, maxQueued: 1 });
  const log = recordAll(ws);
  await ws.connect(peers.refused);
  await util.until(() => ws.state === 'backoff', 10000, 'backoff');
  A.equal(await ws.send('a'), true);
  let code;
  await ws.send('b').catch((e) => (code = e.code));
  A.equal(code, QUEUE_FULL);
  await ws.close();
  await util.until(() => log.of('close').length === 1, 10000, 'close');
  await util.sleep(1); // util.until's own timer ends on the next turn
});
