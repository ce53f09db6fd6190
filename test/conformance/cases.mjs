// The conformance suite: one list of cases, run against every transport (Node under node:test,
// Deno under `deno test`, the browser inside Chromium, a worker, a standard WebSocket) through the
// one runner, ./runner.mjs. A case names the capability flags it needs (`needs`) and the echo-peer
// features it relies on (`peer`); each peer declares what it `lacks` where it is started
// (WS_PEER, DENO_PEER, PACKAGE_PEER in test/helpers/), and the runner skips what cannot run.
// Peer features: 'drop' (__drop__), 'close-nostatus' (__close_nostatus__), 'headers' (__headers__),
// 'path' (__path__), 'subprotocol' (the first offered is chosen; /no-protocol, /wrong-protocol),
// 'handshake-time' (a handshake takes longer than a few Promise jobs, as on any real network).
// Cases import nothing platform-specific: everything comes through `ctx`:
//   ctx.webSocket  the namespace under test        ctx.urls.echo   a peer obeying test/helpers/peers.mjs
//   ctx.assert     ./assert.mjs                    ctx.util        ./util.mjs
//   ctx.urls.refused  a ws: URL on loopback where nothing listens
// Cases live in cases-api.mjs (overloads, listeners, aliases, events), cases-session.mjs (life
// cycle, codes, close mapping), cases-data.mjs (fidelity, ordering, payload limit) and
// cases-server.mjs (the WebSocketServer with clients of the same transport; `needs: ['server']`,
// no peer); small additions may go at the end of this list.
import * as A from './assert.mjs';
import { apiCases } from './cases-api.mjs';
import { dataCases } from './cases-data.mjs';
import { serverCases } from './cases-server.mjs';
import { sessionCases } from './cases-session.mjs';

/** @type {Array<{name: string, needs?: string[], peer?: string[], run: (ctx: any) => Promise<void>}>} */
export const cases = [
  {
    name: 'connect resolves true before open; open gets {101, "Switching Protocols"}',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const opened = util.once(ws, 'open');
      A.equal(await ws.connect(urls.echo), true);
      A.deepEqual(await opened, { status: 101, message: 'Switching Protocols' });
      const closed = util.once(ws, 'close');
      await ws.close();
      A.deepEqual(await closed, { code: 1000, reason: 'CLOSE_NORMAL' });
    },
  },
  {
    name: 'text and binary echo: string stays string, binary is an exact ArrayBuffer; dataEnd follows each',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws);
      await ws.connect(urls.echo);
      await ws.send('héllo 𝄞');
      await ws.send(util.bytes(0, 1, 2, 255));
      await ws.send('');
      await ws.send(new ArrayBuffer(0));
      await util.until(() => log.filter(([t]) => t === 'message').length === 4, 10000, '4 echoes');
      const messages = log.filter(([t]) => t === 'message').map(([, v]) => v);
      A.equal(messages[0], 'héllo 𝄞');
      A.ok(messages[1] instanceof ArrayBuffer, 'binary arrives as ArrayBuffer');
      A.deepEqual([...new Uint8Array(messages[1])], [0, 1, 2, 255]);
      A.equal(messages[2], '');
      A.ok(messages[3] instanceof ArrayBuffer && messages[3].byteLength === 0);
      const kinds = log.filter(([t]) => t === 'message' || t === 'dataEnd').map(([t]) => t);
      A.deepEqual(kinds, ['open', 'message', 'dataEnd', 'message', 'dataEnd', 'message', 'dataEnd', 'message', 'dataEnd'].slice(1));
      await ws.close();
    },
  },
  {
    name: 'send while connecting is queued and delivered in order once open',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const got = [];
      ws.on('message', (_e, d) => got.push(d));
      ws.connect(urls.echo);
      A.equal(await ws.send('a'), true);
      A.equal(await ws.send(util.bytes(7)), true);
      A.equal(await ws.send('c'), true);
      await util.until(() => got.length === 3, 10000, '3 echoes');
      A.equal(got[0], 'a');
      A.deepEqual([...new Uint8Array(got[1])], [7]);
      A.equal(got[2], 'c');
      await ws.close();
    },
  },
  {
    name: 'peer close reports its code and reason; an empty reason is "The link is down"; no status is 1000',
    peer: ['close-nostatus'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      await ws.connect(urls.echo);
      await util.once(ws, 'open');
      let closed = util.once(ws, 'close');
      await ws.send('__close__ 4001 going');
      A.deepEqual(await closed, { code: 4001, reason: 'going' });
      closed = util.once(ws, 'close');
      await ws.connect(urls.echo); // the same object reconnects after its session ended
      await ws.send('__close_empty__');
      A.deepEqual(await closed, { code: 1000, reason: 'The link is down' });
      closed = util.once(ws, 'close');
      await ws.connect(urls.echo);
      await ws.send('__close_nostatus__'); // a close frame without a status code, as native: 1000
      A.deepEqual(await closed, { code: 1000, reason: 'The link is down' });
    },
  },
  {
    name: 'abnormal drop: error {200, "0"} then close {0, "The link is down"}',
    peer: ['drop'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['error', 'close']);
      await ws.connect(urls.echo);
      await ws.send('__drop__');
      await util.until(() => log.length === 2, 10000, 'error and close');
      A.equal(log[0][0], 'error');
      A.equal(log[0][1].code, 200);
      A.equal(log[0][1].data, '0');
      A.equal(log[0][1].message, 'Websocket connect failed');
      A.deepEqual(log[1], ['close', { code: 0, reason: 'The link is down' }]);
    },
  },
  {
    name: 'connection refused: only an error event with code 200, no close',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'error', 'close']);
      A.equal(await ws.connect(urls.refused), true);
      await util.until(() => log.length >= 1, 10000, 'error');
      await new Promise((r) => setTimeout(r, 50));
      A.equal(log.length, 1);
      A.equal(log[0][0], 'error');
      A.equal(log[0][1].code, 200);
    },
  },
  {
    name: 'bad input: each gets its documented code, nothing throws except on/off',
    async run({ webSocket, assert }) {
      const ws = webSocket.createWebSocket();
      await assert.rejectsWith(ws.connect(42), 401);
      await assert.rejectsWith(ws.connect('hello'), 2302001);
      await assert.rejectsWith(ws.connect('123'), 2302001);
      await assert.rejectsWith(ws.connect(''), 2302001);
      await assert.rejectsWith(ws.connect('ws://'), -1);
      await assert.rejectsWith(ws.connect('ws://x/' + 'a'.repeat(8200)), 2302001);
      await assert.rejectsWith(ws.connect('ws://127.0.0.1:1', { protocol: undefined }), 401);
      await assert.rejectsWith(ws.connect('ws://127.0.0.1:1', { proxy: null }), 401);
      await assert.rejectsWith(ws.connect('ws://127.0.0.1:1', { header: { 'x-a': 'a\r\nb: c' } }), 401);
      await assert.rejectsWith(ws.send('x'), -1);
      await assert.rejectsWith(ws.send(new Uint8Array(2)), 401);
      await assert.rejectsWith(ws.send(null), 401);
      await assert.rejectsWith(ws.close(), 2302999);
      await assert.rejectsWith(ws.close(null), 401);
      assert.throwsWith(() => ws.on(1, () => {}), 401);
      assert.throwsWith(() => ws.on('open', 'nope'), 401);
      const thrown = assert.throwsWith(() => ws.off(null), 401);
      // HarmonyOS throws the string "401": apps compare with ==, which our Error satisfies too.
      assert.ok(thrown == '401' && thrown == 401 && thrown instanceof Error, 'the thrown error compares equal to 401');
      ws.on('no-such-event', () => {}); // ignored, no throw
      const err = await new Promise((resolve) => ws.connect(7, (e) => resolve(e)));
      assert.equal(err.code, 401);
    },
  },
  {
    name: 'errors look like HarmonyOS errors: JSON {code, message[, data]}, the explanation in a non-enumerable string cause',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const shape = (e, json, message) => {
        A.ok(e instanceof Error, 'a real Error');
        A.equal(JSON.stringify(e), json);
        A.equal(e.message, message, 'message is exactly the native text');
        A.equal(typeof e.cause, 'string', `cause is a string: ${e.cause}`);
        A.ok(e.cause.length > 0);
        const d = Object.getOwnPropertyDescriptor(e, 'cause');
        A.ok(d && !d.enumerable, 'cause is an own, non-enumerable property');
        A.ok(!Object.keys(e).includes('name') && e.name === 'BusinessError');
        A.ok(String(e).startsWith(`BusinessError: ${message}`), String(e));
      };
      const e401 = await ws.connect(null).catch((e) => e);
      shape(e401, '{"code":401,"message":"Parameter error"}', 'Parameter error');
      A.ok(e401.cause.includes('null'), e401.cause);
      shape(await ws.connect('hello').catch((e) => e), '{"code":2302001,"message":"Websocket url error"}', 'Websocket url error');
      shape(await ws.send('x').catch((e) => e), '{"code":-1,"message":"Websocket Unknown Other Error"}', 'Websocket Unknown Other Error');
      shape(await ws.close().catch((e) => e), '{"code":2302999,"message":"Websocket Unknown Other Error"}', 'Websocket Unknown Other Error');
      shape(await ws.connect('ws://').catch((e) => e), '{"code":-1,"message":"Websocket connect failed"}', 'Websocket connect failed');
      const viaCallback = await util.viaCallback((cb) => ws.send(5, cb));
      shape(viaCallback.args[0], '{"code":401,"message":"Parameter error"}', 'Parameter error');
      // The error event: natively {code: 200, data} without a message.
      const failed = util.once(ws, 'error');
      A.equal(await ws.connect(urls.refused), true);
      const ev = await failed;
      A.equal(JSON.stringify(ev), '{"code":200,"data":"0"}');
      A.equal(ev.message, 'Websocket connect failed');
      A.ok(!Object.keys(ev).includes('message'), 'the error event message is not enumerable');
      A.ok(typeof ev.cause === 'string' && ev.cause.length > 0, `the error event has a cause: ${ev.cause}`);
    },
  },
  {
    name: 'hostile values never throw: look-alike ArrayBuffers, throwing getters, Proxies, revoked Proxies, BigInts → 401 or the documented code',
    async run({ webSocket, urls, assert }) {
      const ws = webSocket.createWebSocket();
      const boom = () => { throw new Error('boom'); };
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const traps = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom });
      await assert.rejectsWith(ws.connect(urls.echo, traps), 401);
      await assert.rejectsWith(ws.connect(urls.echo, revoked.proxy), 401);
      await assert.rejectsWith(ws.connect(urls.echo, { get protocol() { return boom(); } }), 401);
      await assert.rejectsWith(ws.connect(10n), 401);
      await assert.rejectsWith(ws.close(revoked.proxy), 401);
      await assert.rejectsWith(ws.close({ get code() { return boom(); } }), 401);
      await ws.connect(urls.echo);
      for (const data of [Object.create(ArrayBuffer.prototype), new Proxy(new ArrayBuffer(4), {}), Object.setPrototypeOf(new Uint8Array(4), ArrayBuffer.prototype), 5n, Symbol('s'), Object.create(null), revoked.proxy]) {
        const e = await ws.send(data).catch((err) => err);
        A.equal(e?.code, 401, `send(${typeof data}) → 401`);
        A.ok(typeof e.cause === 'string' && e.cause.length > 0);
      }
      await ws.close();
      const server = webSocket.createWebSocketServer();
      for (const config of [{ serverIP: 10n, serverPort: 0 }, Object.create(null), traps, revoked.proxy, { serverIP: '127.0.0.1', serverPort: 2n ** 70n }]) {
        const e = await server.start(config).catch((err) => err);
        A.ok(e === true ? false : [401, 2302004, 2302005, 801].includes(e?.code), `start(hostile config) → ${e?.code}`);
      }
      // 401 (or, where the build has no server mode, 2302006: no connection can exist there).
      for (const call of [() => server.send(Object.create(ArrayBuffer.prototype), { clientIP: '127.0.0.1', clientPort: 1 }), () => server.close(traps)]) {
        const e = await call().catch((err) => err);
        A.ok([401, 2302006].includes(e?.code), `server send/close with hostile values → ${e?.code}`);
      }
      A.ok(webSocket.createWebSocket(revoked.proxy), 'createWebSocket never throws');
    },
  },
  {
    name: 'header values that cannot be sent (above U+00FF, control characters but tab) → 401 with a cause, before any I/O',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'error', 'close']);
      // The README placeholder 'Bearer …' (U+2026) pasted as written is one of them.
      for (const value of ['Bearer …', 'a\x01b', 'del\x7f', '\u0100', 'emoji 😀', 'x\u2028y', '\x1b[0m']) {
        const e = await ws.connect(urls.echo, { header: { authorization: value } }).catch((err) => err);
        A.equal(e?.code, 401, `header value ${JSON.stringify(value)} → 401`);
        A.ok(/cannot be sent/.test(e.cause) && /authorization/.test(e.cause), e.cause);
      }
      await util.sleep(20);
      A.deepEqual(log, [], 'nothing was attempted');
    },
  },
  {
    name: 'header values with tab and Latin-1 characters are sent as they are',
    needs: ['headers'],
    peer: ['headers'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      await util.openSocket(ws, urls.echo, { header: { 'x-latin': 'caf\u00e9\tok ~' } });
      const h = JSON.parse(await util.ask(ws, '__headers__'));
      A.equal(h['x-latin'], 'caf\u00e9\tok ~');
      await ws.close();
    },
  },
  ...apiCases,
  ...sessionCases,
  ...dataCases,
  ...serverCases,
];
