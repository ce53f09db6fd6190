// ohos-websocket/reconnect over real sockets on 127.0.0.1 (Node transport): a peer that drops, one
// that refuses with 503, one that answers slowly, one that closes with 1001, a heartbeat timeout;
// the session's events, the send queue, the providers, and close() in every state.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { createReconnectingWebSocket, QUEUE_FULL } from 'ohos-websocket/reconnect';
import { until, sleep } from '../conformance/util.mjs';
import { refusedPort, startEchoServer } from '../helpers/peers.mjs';
import { startScriptedServer } from '../helpers/raw-peers.mjs';
import { recordAll } from '../helpers/reconnect-peers.mjs';

const cleanups = [];
after(() => Promise.all(cleanups.map((c) => c())));
const echoServer = async () => {
  const echo = await startEchoServer();
  cleanups.push(echo.close);
  echo.accepted = 0;
  echo.wss.on('connection', () => echo.accepted++);
  return echo;
};
const scripted = async (script) => {
  const s = await startScriptedServer(script);
  cleanups.push(s.close);
  return s;
};
/** Fast retries, exact delays: the tests wait for events, never for a duration. */
const FAST = { minDelay: 20, maxDelay: 40, jitter: false };
const closeAndWait = async (ws, log) => {
  const n = log.of('close').length;
  await ws.close();
  await until(() => log.of('close').length > n, 10000, 'close event');
};

describe('reconnect over real sockets', () => {
  test('a peer that drops: error, reconnecting {close, 0}, open again; no close event; messages flow on the new link', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    assert.equal(await ws.connect(echo.url), true);
    await until(() => log.of('open').length === 1, 10000, 'first open');
    assert.equal(ws.state, 'open');
    await ws.send('__drop__');
    await until(() => log.of('open').length === 2, 10000, 'second open');
    const [info] = log.of('reconnecting');
    assert.equal(info.attempt, 1);
    assert.equal(info.delay, 20);
    assert.deepEqual({ ...info.reason, error: undefined }, { type: 'close', code: 0, reason: 'The link is down', status: 0, error: undefined });
    assert.equal(info.reason.error.code, 200, 'the drop\'s error event is the reason\'s error');
    assert.deepEqual(log.types().filter((t) => t !== 'openInfo' && t !== 'headerReceive'), ['open', 'error', 'reconnecting', 'open']);
    assert.equal(log.of('close').length, 0, 'no close while the session lives');
    await ws.send('after');
    await until(() => log.of('message').includes('after'), 10000, 'echo on the new link');
    await closeAndWait(ws, log);
    assert.deepEqual(log.of('close'), [{ code: 1000, reason: 'CLOSE_NORMAL' }]);
    assert.equal(ws.state, 'idle');
    assert.equal(echo.accepted, 2);
  });

  test('a peer that refuses with 503, twice: reconnecting with status 503 and growing attempts, then open', async () => {
    const s = await scripted([503, 503, 'accept']);
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    await ws.connect(s.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    const infos = log.of('reconnecting');
    assert.deepEqual(infos.map((i) => [i.attempt, i.delay, i.reason.type, i.reason.status]), [[1, 20, 'error', 503], [2, 40, 'error', 503]]);
    assert.deepEqual(log.of('error').map((e) => [e.code, e.data]), [[200, '503'], [200, '503']], 'each failed attempt reports its error event');
    assert.equal(s.heads.length, 3);
    await closeAndWait(ws, log);
  });

  test('shouldReconnect stops on a 4xx handshake status: giveUp {shouldReconnect}, then close {0, "The link is down"}', async () => {
    const s = await scripted([403]);
    const seen = [];
    const ws = createReconnectingWebSocket({ ...FAST, shouldReconnect: (r) => (seen.push(r), !(r.status >= 400 && r.status < 500)) });
    const log = recordAll(ws);
    await ws.connect(s.url);
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.types(), ['error', 'giveUp', 'close']);
    const [give] = log.of('giveUp');
    assert.equal(give.stoppedBy, 'shouldReconnect');
    assert.equal(give.attempts, 0);
    assert.equal(give.reason.status, 403);
    assert.equal(seen.length, 1);
    assert.deepEqual(log.of('close'), [{ code: 0, reason: 'The link is down' }]);
    assert.equal(ws.state, 'idle');
    await assert.rejects(ws.send('x'), (e) => e.code === -1, 'the session has ended');
  });

  test('a peer that answers slowly: connectTimeout abandons the attempt (reason timeout), the next one opens', async () => {
    const s = await scripted(['silent', 'accept']);
    const ws = createReconnectingWebSocket({ ...FAST, connectTimeout: 300 });
    const log = recordAll(ws);
    await ws.connect(s.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    assert.deepEqual(log.of('reconnecting').map((i) => i.reason.type), ['timeout']);
    await until(() => s.connections[0].destroyed || s.connections[0].readableEnded, 10000, 'the abandoned socket is closed');
    await closeAndWait(ws, log);
  });

  test('a peer that closes with 1001: reconnecting {close, 1001, reason}, open again; shouldReconnect can stop on 1008', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket({ ...FAST, shouldReconnect: (r) => r.code !== 1008 });
    const log = recordAll(ws);
    await ws.connect(echo.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    await ws.send('__close__ 1001 going away');
    await until(() => log.of('open').length === 2, 10000, 'reopened');
    assert.deepEqual(log.of('reconnecting').map((i) => [i.reason.type, i.reason.code, i.reason.reason]), [['close', 1001, 'going away']]);
    assert.equal(log.of('error').length, 0, 'a clean close is no error');
    await ws.send('__close__ 1008 policy');
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.of('close'), [{ code: 1008, reason: 'policy' }], 'the final close is the peer\'s');
    assert.equal(log.of('giveUp')[0].stoppedBy, 'shouldReconnect');
    assert.equal(ws.state, 'idle');
  });

  test('heartbeat timeout (Node transport): a silent peer is detected, the session reconnects', async () => {
    const s = await scripted(['accept']);
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    await ws.connect(s.url, { pingInterval: 1, pongTimeout: 1 });
    await until(() => log.of('open').length === 2, 20000, 'open after the heartbeat timeout');
    const [info] = log.of('reconnecting');
    assert.deepEqual([info.reason.type, info.reason.code, info.reason.error?.code], ['close', 0, 200]);
    await closeAndWait(ws, log);
    assert.equal(s.heads.length, 2);
  });

  test('maxRetries: retries run out → giveUp {maxRetries} and close; the object can connect again', async () => {
    const port = await refusedPort();
    const ws = createReconnectingWebSocket({ ...FAST, maxRetries: 2 });
    const log = recordAll(ws);
    await ws.connect(`ws://127.0.0.1:${port}`);
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.types(), ['error', 'reconnecting', 'error', 'reconnecting', 'error', 'giveUp', 'close']);
    assert.deepEqual(log.of('giveUp').map((g) => [g.attempts, g.stoppedBy]), [[2, 'maxRetries']]);
    const echo = await echoServer();
    await ws.connect(echo.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    await closeAndWait(ws, log);
  });

  test('maxRetries 0: the first drop ends the session', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket({ ...FAST, maxRetries: 0 });
    const log = recordAll(ws);
    await ws.connect(echo.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    await ws.send('__close__ 4001 bye');
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.of('close'), [{ code: 4001, reason: 'bye' }]);
    assert.equal(log.of('reconnecting').length, 0);
  });
});

describe('reconnect: close() ends the session at once in every state', () => {
  test('while connecting (a silent server): close event with the requested code, the socket is gone', async () => {
    const s = await scripted(['silent']);
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    await ws.connect(s.url);
    await until(() => s.heads.length === 1, 10000, 'the handshake request');
    assert.equal(ws.state, 'connecting');
    assert.equal(await ws.close({ code: 4000, reason: 'stop' }), true);
    assert.equal(ws.state, 'idle');
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.types(), ['close']);
    assert.deepEqual(log.of('close'), [{ code: 4000, reason: 'stop' }]);
    await until(() => s.sockets.size === 0, 10000, 'the server sees the socket closed');
    await sleep(100);
    assert.equal(s.heads.length, 1, 'no further attempt');
  });

  test('while backing off: the timer is cleared, no attempt follows, close reports the defaults', async () => {
    const port = await refusedPort();
    const ws = createReconnectingWebSocket({ minDelay: 60000, jitter: false });
    const log = recordAll(ws);
    await ws.connect(`ws://127.0.0.1:${port}`);
    await until(() => ws.state === 'backoff', 10000, 'backoff');
    assert.equal(log.of('reconnecting')[0].delay, 60000);
    await ws.close();
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.of('close'), [{ code: 1000, reason: 'CLOSE_NORMAL' }]);
    // The 60 s timer would keep this test file's process alive: the runner exiting proves it is gone.
  });

  test('while open: the peer receives the close frame; close reports what was sent', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    await ws.connect(echo.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    const peerClosed = new Promise((r) => [...echo.wss.clients][0].on('close', (code, reason) => r([code, reason.toString()])));
    assert.equal(await ws.close({ code: 4002, reason: 'done' }), true);
    assert.equal(ws.state, 'closing');
    assert.deepEqual(await peerClosed, [4002, 'done']);
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(log.of('close'), [{ code: 4002, reason: 'done' }]);
    assert.equal(ws.state, 'idle');
    await assert.rejects(ws.close(), (e) => e.code === 2302999 && e.message === 'Websocket Unknown Other Error');
  });

  test('callback forms: connect/send/close callbacks get (undefined, true) asynchronously', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    const results = [];
    const cb = (tag) => (err, v) => results.push([tag, err, v]);
    assert.equal(ws.connect(echo.url, cb('connect')), undefined);
    assert.deepEqual(results, [], 'not called synchronously');
    ws.send('x', cb('send'));
    await until(() => log.of('message').length === 1, 10000, 'echo');
    ws.close({ code: 1000, reason: 'cb' }, cb('close'));
    await until(() => log.of('close').length === 1, 10000, 'close');
    assert.deepEqual(results.sort(), [['close', undefined, true], ['connect', undefined, true], ['send', undefined, true]]);
  });
});

describe('reconnect: the send queue', () => {
  test('sends while down are queued and flushed in order after the next open, text and binary kept', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket({ minDelay: 200, jitter: false });
    const log = recordAll(ws);
    await ws.connect(echo.url);
    await ws.send('before-open'); // still connecting: queued by the session
    await until(() => log.of('open').length === 1, 10000, 'open');
    await until(() => log.of('message').length === 1, 10000, 'first echo');
    await ws.send('__drop__');
    await until(() => ws.state === 'backoff', 10000, 'backoff');
    assert.equal(await ws.send('one'), true);
    assert.equal(await ws.send(new Uint8Array([1, 2]).buffer), true);
    assert.equal(await ws.send('three'), true);
    await until(() => log.of('message').length === 4, 10000, 'three echoes');
    const got = log.of('message').map((m) => (typeof m === 'string' ? m : [...new Uint8Array(m)]));
    assert.deepEqual(got, ['before-open', 'one', [1, 2], 'three']);
    await closeAndWait(ws, log);
  });

  test(`overflow: the send past maxQueued fails with ${QUEUE_FULL}, never silently; close drops the queue`, async () => {
    const port = await refusedPort();
    const ws = createReconnectingWebSocket({ minDelay: 60000, maxQueued: 2 });
    const log = recordAll(ws);
    await ws.connect(`ws://127.0.0.1:${port}`);
    assert.equal(await ws.send('a'), true);
    assert.equal(await ws.send('b'), true);
    await assert.rejects(ws.send('c'), (e) => e.code === QUEUE_FULL && e.message === 'Websocket Unknown Other Error' && /maxQueued 2/.test(e.cause));
    const viaCallback = await new Promise((r) => ws.send('d', (err) => r(err)));
    assert.equal(viaCallback.code, QUEUE_FULL);
    assert.equal(JSON.stringify(viaCallback), `{"code":${QUEUE_FULL},"message":"Websocket Unknown Other Error"}`);
    await assert.rejects(ws.send(new Uint8Array(1)), (e) => e.code === 401, 'a typed array is not sendable (as on the plain socket)');
    await closeAndWait(ws, log);
    await assert.rejects(ws.send('e'), (e) => e.code === -1);
  });
});

describe('reconnect: URL and request-options providers, called per attempt', () => {
  test('an async URL provider (token refresh) gets the attempt number; request options are fresh each time', async () => {
    const echo = await echoServer();
    const calls = [];
    const ws = createReconnectingWebSocket({
      ...FAST,
      requestOptions: async (n) => ({ header: { 'x-attempt': String(n) } }),
    });
    const log = recordAll(ws);
    await ws.connect(async (n) => { calls.push(n); await sleep(1); return `${echo.url}/feed?token=t${n}`; });
    await until(() => log.of('open').length === 1, 10000, 'open');
    await ws.send('__path__');
    await ws.send('__headers__');
    await until(() => log.of('message').length === 2, 10000, 'answers');
    assert.equal(log.of('message')[0], '/feed?token=t0');
    assert.equal(JSON.parse(log.of('message')[1])['x-attempt'], '0');
    await ws.send('__drop__');
    await until(() => log.of('open').length === 2, 10000, 'reopened');
    await ws.send('__path__');
    await until(() => log.of('message').length === 3, 10000, 'answer');
    assert.equal(log.of('message')[2], '/feed?token=t1');
    assert.deepEqual(calls, [0, 1]);
    await closeAndWait(ws, log);
  });

  test('a provider that throws or returns no string is a failed attempt, retried; its error is the reason', async () => {
    const echo = await echoServer();
    let n = 0;
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    await ws.connect(() => {
      n++;
      if (n === 1) throw new Error('token service down');
      if (n === 2) return 42;
      return echo.url;
    });
    await until(() => log.of('open').length === 1, 10000, 'open');
    const reasons = log.of('reconnecting').map((i) => i.reason);
    assert.deepEqual(reasons.map((r) => [r.type, r.error.code]), [['error', 2302999], ['error', 401]]);
    assert.match(reasons[0].error.cause, /token service down/);
    await closeAndWait(ws, log);
  });
});

describe('reconnect: the webSocket.WebSocket surface', () => {
  test('errors as on the plain socket: 401, 2302001, 2302003, -1, 2302999; invalid knobs → 401 naming the option', async () => {
    const ws = createReconnectingWebSocket(FAST);
    await assert.rejects(ws.connect(null), (e) => e.code === 401);
    await assert.rejects(ws.connect('hello'), (e) => e.code === 2302001);
    assert.equal(ws.state, 'idle', 'a rejected first attempt starts no session');
    await assert.rejects(ws.send('x'), (e) => e.code === -1);
    await assert.rejects(ws.close(), (e) => e.code === 2302999);
    await assert.rejects(ws.close(null), (e) => e.code === 401);
    const port = await refusedPort();
    await ws.connect(`ws://127.0.0.1:${port}`);
    await assert.rejects(ws.connect(`ws://127.0.0.1:${port}`), (e) => e.code === 2302003 && e.message === 'Websocket connection already exist');
    await ws.close();
    for (const bad of [{ minDelay: -1 }, { factor: 0.5 }, { maxRetries: 1.5 }, { maxQueued: 'x' }, { maxDelay: 10, minDelay: 20 }, { webSocket: {} }, { shouldReconnect: 1 }, { jitter: 'yes' }]) {
      const w = createReconnectingWebSocket(bad);
      await assert.rejects(w.connect('ws://127.0.0.1:1'), (e) => e.code === 401 && e.cause.includes(`options.${Object.keys(bad)[0] === 'minDelay' && bad.maxDelay ? 'maxDelay' : Object.keys(bad)[0]}`), JSON.stringify(bad));
    }
    const throwing = createReconnectingWebSocket({ get minDelay() { throw new Error('boom'); } });
    await assert.rejects(throwing.connect('ws://127.0.0.1:1'), (e) => e.code === 401 && /boom/.test(e.cause));
    assert.doesNotThrow(() => createReconnectingWebSocket(42));
  });

  test('the -1 of a URL without a host ends the session at once (its error event is forwarded, no retry)', async () => {
    const ws = createReconnectingWebSocket(FAST);
    const log = recordAll(ws);
    await assert.rejects(ws.connect('ws://'), (e) => e.code === -1);
    await sleep(100);
    assert.deepEqual(log.types(), ['error']);
    assert.equal(ws.state, 'idle');
  });

  test('one listener per type, off(type, fn), static aliases with the official callback shapes, 401 throws', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket(FAST);
    const got = [];
    ws.on('message', () => got.push('replaced'));
    ws.onMessage((err, data) => got.push(['onMessage', err, data]));
    ws.onOpen((result) => got.push(['onOpen', result.status]));
    ws.on('dataEnd', () => got.push('dataEnd'));
    ws.onHeaderReceive((h) => got.push(['headers', typeof h['sec-websocket-accept']]));
    ws.on('openInfo', (err, info) => got.push(['openInfo', info.status]));
    const other = () => {};
    ws.off('open', other); // not the registered function: stays
    ws.on('nonsense', () => got.push('never'));
    assert.throws(() => ws.on(42, () => {}), (e) => e.code === 401 && e == '401');
    assert.throws(() => ws.on('open', 'x'), (e) => e.code === 401);
    assert.throws(() => ws.off('open', 5), (e) => e.code === 401);
    await ws.connect(echo.url);
    await until(() => got.some((g) => g[0] === 'onOpen'), 10000, 'open');
    await ws.send('hi');
    await until(() => got.includes('dataEnd'), 10000, 'message');
    assert.deepEqual(got, [['headers', 'string'], ['onOpen', 101], ['openInfo', 101], ['onMessage', undefined, 'hi'], 'dataEnd']);
    ws.offMessage();
    await ws.send('again');
    await sleep(100);
    assert.equal(got.length, 5, 'no message listener: neither message nor dataEnd');
    const closed = new Promise((r) => ws.onWebSocketClose((err, result) => r([err, result])));
    await ws.close();
    assert.deepEqual(await closed, [undefined, { code: 1000, reason: 'CLOSE_NORMAL' }]);
  });

  test('a throwing listener neither breaks the session nor escapes into the library', async () => {
    const echo = await echoServer();
    const ws = createReconnectingWebSocket(FAST);
    const errors = [];
    const onUncaught = (e) => errors.push(e.message);
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onUncaught);
    try {
      ws.on('open', () => { throw new Error('listener bug'); });
      const messages = [];
      ws.on('message', (err, data) => messages.push(data));
      await ws.connect(echo.url);
      await until(() => errors.length === 1, 10000, 'the listener error, reported');
      await ws.send('still works');
      await until(() => messages.length === 1, 10000, 'echo');
      await ws.close();
    } finally {
      process.off('uncaughtException', onUncaught);
      for (const l of listeners) process.on('uncaughtException', l);
    }
    assert.deepEqual(errors, ['listener bug']);
  });

  test('options.webSocket: sockets come from the factory given (here: the plain namespace)', async () => {
    const echo = await echoServer();
    let made = 0;
    const ws = createReconnectingWebSocket({ ...FAST, webSocket: { createWebSocket: () => (made++, webSocket.createWebSocket()) } });
    const log = recordAll(ws);
    await ws.connect(echo.url);
    await until(() => log.of('open').length === 1, 10000, 'open');
    await ws.send('__drop__');
    await until(() => log.of('open').length === 2, 10000, 'reopen');
    assert.equal(made, 2, 'one socket per attempt');
    await closeAndWait(ws, log);
  });
});

describe('reconnect: online events (where globalThis has them)', () => {
  test('an online event retries at once during a long backoff; the listener is removed when the session ends', async () => {
    const target = new EventTarget();
    let listening = 0;
    globalThis.addEventListener = (type, fn) => { if (type === 'online') listening++; target.addEventListener(type, fn); };
    globalThis.removeEventListener = (type, fn) => { if (type === 'online') listening--; target.removeEventListener(type, fn); };
    try {
      const s = await scripted([503, 'accept']);
      const ws = createReconnectingWebSocket({ minDelay: 60000, jitter: false });
      const log = recordAll(ws);
      await ws.connect(s.url);
      assert.equal(listening, 1);
      await until(() => ws.state === 'backoff', 10000, 'backoff');
      target.dispatchEvent(new Event('online'));
      await until(() => log.of('open').length === 1, 10000, 'open right after online');
      await closeAndWait(ws, log);
      assert.equal(listening, 0, 'listener removed');
      const off = createReconnectingWebSocket({ retryOnOnline: false });
      const port = await refusedPort();
      await off.connect(`ws://127.0.0.1:${port}`);
      assert.equal(listening, 0, 'retryOnOnline: false registers nothing');
      await off.close();
    } finally {
      delete globalThis.addEventListener;
      delete globalThis.removeEventListener;
    }
  });
});
