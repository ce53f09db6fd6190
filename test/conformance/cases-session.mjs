// Conformance cases for the session life cycle (docs/behaviour.md#connect, §2.5, §2.6): connect/close ordering,
// reconnects, close-code mapping, and every bad-input code. Portable: everything comes through `ctx`.
import * as A from './assert.mjs';

/** Closes `ws` and waits for its close event; returns the event's result. */
async function closeAndWait(ws, util, options) {
  const closed = util.once(ws, 'close');
  A.equal(await (options === undefined ? ws.close() : ws.close(options)), true);
  return closed;
}

/** @type {Array<{name: string, needs?: string[], peer?: string[], run: (ctx: any) => Promise<void>}>} */
export const sessionCases = [
  {
    name: 'close while connecting: close resolves true, then a close event with the requested code; no open, no error',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'error', 'close']);
      const connecting = ws.connect(urls.echo);
      A.equal(await ws.close({ code: 4005, reason: 'changed my mind' }), true);
      A.equal(await connecting, true);
      await util.until(() => log.length >= 1, 10000, 'close');
      await util.sleep(50);
      A.deepEqual(log, [['close', { code: 4005, reason: 'changed my mind' }]]);
      await A.rejectsWith(ws.send('x'), -1, 'the aborted session has ended');
      // The object is reusable afterwards.
      const opened = util.once(ws, 'open');
      await ws.connect(urls.echo);
      await opened;
      await closeAndWait(ws, util);
    },
  },
  {
    name: 'a second connect while connecting or open → 2302003; after the close event connect works again',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const opened = util.once(ws, 'open');
      const first = ws.connect(urls.echo);
      await A.rejectsWith(ws.connect(urls.echo), 2302003, 'while connecting');
      A.equal(await first, true);
      await opened;
      await A.rejectsWith(ws.connect(urls.echo), 2302003, 'while open');
      const closed = util.once(ws, 'close');
      await ws.close();
      await A.rejectsWith(ws.connect(urls.echo), 2302003, 'while closing');
      await closed;
      const again = util.once(ws, 'open');
      A.equal(await ws.connect(urls.echo), true);
      await again;
      await closeAndWait(ws, util);
    },
  },
  {
    name: 'after the session ended: send → -1, close → 2302999; a second close while closing → 2302999',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      await util.openSocket(ws, urls.echo);
      const closed = util.once(ws, 'close');
      A.equal(await ws.close(), true);
      await A.rejectsWith(ws.close(), 2302999, 'close while closing');
      await closed;
      await A.rejectsWith(ws.send('late'), -1);
      await A.rejectsWith(ws.send(new ArrayBuffer(1)), -1);
      await A.rejectsWith(ws.close(), 2302999);
      const e = await A.rejectsWith(ws.send('late'), -1);
      A.ok(e.message.startsWith('Websocket Unknown Other Error'), e.message);
    },
  },
  {
    name: 'reconnecting the same object keeps its listeners',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'message', 'close']);
      for (const round of [1, 2, 3]) {
        await ws.connect(urls.echo);
        await ws.send(`round ${round}`);
        await util.until(() => log.filter(([t]) => t === 'message').length === round, 10000, `echo ${round}`);
        await ws.close({ code: 4000 + round, reason: `r${round}` });
        await util.until(() => log.filter(([t]) => t === 'close').length === round, 10000, `close ${round}`);
      }
      A.deepEqual(log.map(([t, v]) => (t === 'open' ? t : [t, v])), [
        'open', ['message', 'round 1'], ['close', { code: 4001, reason: 'r1' }],
        'open', ['message', 'round 2'], ['close', { code: 4002, reason: 'r2' }],
        'open', ['message', 'round 3'], ['close', { code: 4003, reason: 'r3' }],
      ]);
    },
  },
  {
    name: 'close codes that cannot be sent become 1000 (never an error); the close event and the wire agree',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const any = webSocket.capabilities.closeCodes === 'any';
      const table = [
        [-100, 1000], [0, 1000], [100, 1000], [999, 1000], [1004, 1000], [1005, 1000], [1006, 1000],
        [1015, 1000], [2999, 1000], [5000, 1000], [1000.5, 1000], [NaN, 1000],
        [1001, any ? 1001 : 1000], [1011, any ? 1011 : 1000], [3000, 3000], [4999, 4999],
      ];
      for (const [code, sent] of table) {
        await util.openSocket(ws, urls.echo);
        A.deepEqual(await closeAndWait(ws, util, { code, reason: `c${code}` }), { code: sent, reason: `c${code}` }, `close code ${code}`);
        await util.openSocket(ws, urls.echo);
        A.deepEqual(JSON.parse(await util.ask(ws, '__last_close__')), { code: sent, reason: `c${code}` }, `wire code for ${code}`);
        await closeAndWait(ws, util);
      }
      await util.openSocket(ws, urls.echo);
      A.deepEqual(await closeAndWait(ws, util, {}), { code: 1000, reason: 'CLOSE_NORMAL' }, 'defaults');
      await util.openSocket(ws, urls.echo);
      A.deepEqual(await closeAndWait(ws, util, { reason: 'only a reason' }), { code: 1000, reason: 'only a reason' });
    },
  },
  {
    name: 'close reads its fields leniently, as the native client: {code: -100, reason: null}, {reason: 5}, {code: "x"} close with the defaults (XTS CloseCallback0900/1000)',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      // XTS testNetworkMgrWebSocketCloseCallback0900 and 1000: the callback form, from the open listener.
      for (const options of [{ code: -100, reason: null }, { code: 100, reason: null }]) {
        const closed = util.once(ws, 'close');
        const outcome = new Promise((resolve) => {
          ws.on('open', () => ws.close(options, (err, value) => resolve([err, value])));
        });
        await ws.connect(urls.echo);
        A.deepEqual(await outcome, [undefined, true], `close(${JSON.stringify(options)}, cb) succeeds`);
        A.deepEqual(await closed, { code: 1000, reason: 'CLOSE_NORMAL' });
        ws.off('open');
      }
      const table = [
        [{ reason: 5 }, { code: 1000, reason: 'CLOSE_NORMAL' }],
        [{ code: 'x' }, { code: 1000, reason: 'CLOSE_NORMAL' }],
        [{ code: '4000', reason: 'kept' }, { code: 1000, reason: 'kept' }],
        [{ code: 4001, reason: '' }, { code: 4001, reason: 'CLOSE_NORMAL' }],
        [{ code: 4002, reason: undefined }, { code: 4002, reason: 'CLOSE_NORMAL' }],
        [{ code: null, reason: {} }, { code: 1000, reason: 'CLOSE_NORMAL' }],
        [[], { code: 1000, reason: 'CLOSE_NORMAL' }],
      ];
      for (const [options, expected] of table) {
        await util.openSocket(ws, urls.echo);
        A.deepEqual(await closeAndWait(ws, util, options), expected, `close(${JSON.stringify(options)})`);
      }
    },
  },
  {
    name: 'a close reason over 123 UTF-8 bytes is cut at a character boundary',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const cases = [
        ['a'.repeat(200), 'a'.repeat(123)],
        ['é'.repeat(70), 'é'.repeat(61)], // 2-byte characters: 122 bytes, not a split one
        ['€'.repeat(50), '€'.repeat(41)], // 3-byte characters: 123 bytes
        ['𝄞'.repeat(40), '𝄞'.repeat(30)], // 4-byte characters: 120 bytes, no lone surrogate
        ['x' + '𝄞'.repeat(40), 'x' + '𝄞'.repeat(30)], // 121 bytes
        ['b'.repeat(123), 'b'.repeat(123)],
      ];
      for (const [reason, expected] of cases) {
        await util.openSocket(ws, urls.echo);
        A.deepEqual(await closeAndWait(ws, util, { code: 4000, reason }), { code: 4000, reason: expected });
        await util.openSocket(ws, urls.echo);
        A.deepEqual(JSON.parse(await util.ask(ws, '__last_close__')), { code: 4000, reason: expected }, 'on the wire');
        await closeAndWait(ws, util);
      }
    },
  },
  {
    name: 'a path-less URL with a query gets a slash: ws://h?x connects to ws://h/?x',
    peer: ['path'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const u = new URL(urls.echo);
      await util.openSocket(ws, `${u.protocol}//${u.host}?x=1&y=%20`);
      A.equal(await util.ask(ws, '__path__'), '/?x=1&y=%20');
      await closeAndWait(ws, util);
      await util.openSocket(ws, util.withPath(urls.echo, '/deep/path?q'));
      A.equal(await util.ask(ws, '__path__'), '/deep/path?q');
      await closeAndWait(ws, util);
    },
  },
  {
    name: 'a URL without a host: -1 through the promise or callback, and an error event {200, "0"}',
    async run({ webSocket, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'error', 'close']);
      const e = await A.rejectsWith(ws.connect('ws://'), -1);
      A.ok(e.message.startsWith('Websocket connect failed'), e.message);
      await util.until(() => log.length === 1, 10000, 'error event');
      A.equal(log[0][0], 'error');
      A.equal(log[0][1].code, 200);
      A.equal(log[0][1].data, '0');
      const r = await util.viaCallback((cb) => ws.connect('wss://', {}, cb));
      A.equal(r.args[0].code, -1);
      await util.until(() => log.length === 2, 10000, 'second error event');
      await util.sleep(20);
      A.deepEqual(log.map(([t]) => t), ['error', 'error']);
    },
  },
  {
    name: 'every bad connect/send/close argument gets its documented code through the promise',
    async run({ webSocket, urls, assert }) {
      const ws = webSocket.createWebSocket();
      const url = 'ws://127.0.0.1:1';
      const bad401 = [
        [undefined], [null], [{}], [url, null], [url, 'options'], [url, []],
        [url, { protocol: undefined }], [url, { protocol: null }], [url, { protocol: 5 }],
        [url, { proxy: undefined }], [url, { proxy: null }], [url, { proxy: 'bogus' }], [url, { proxy: 8080 }],
        [url, { proxy: { host: '', port: 1, exclusionList: [] } }],
        [url, { proxy: { host: 'p', port: 0, exclusionList: [] } }],
        [url, { proxy: { host: 'p', port: 70000, exclusionList: [] } }],
        [url, { proxy: { host: 'p', port: 1, exclusionList: 'x' } }],
        [url, { header: 'x-a: b' }], [url, { header: { 'x-a': 'a\nb' } }], [url, { header: { 'x-a': 'a\0b' } }],
        [url, { header: { 'x-\r\na': 'v' } }], [url, { header: { 'x\0': 'v' } }],
        [url, { caPath: 5 }], [url, { clientCert: 'c' }], [url, { clientCert: { certPath: 'a' } }],
        [url, { clientCert: { certPath: 'a', keyPath: 'b', keyPassword: 1 } }],
        [url, { skipServerCertVerification: 'yes' }], [url, { supportOriginPort: 1 }],
        [url, { pingInterval: '10' }], [url, { pongTimeout: true }], [url, { minSupportTlsProtocol: 9 }],
        [url, { minSupportTlsProtocol: 'TLS_V_1_3' }], [url, { protocol: 'a b' }], [url, { protocol: 'a, a' }],
      ];
      for (const args of bad401) {
        await assert.rejectsWith(ws.connect(...args), 401, `connect(${args.map((a) => JSON.stringify(a) ?? String(a)).join(', ')})`);
      }
      for (const u of ['hello', '123', '', 'http://127.0.0.1', 'ftp://x', 'ws:/x', 'ws//x', 'ws://[::1', 'ws://a b/', 'ws://x/' + 'a'.repeat(8200)]) {
        await assert.rejectsWith(ws.connect(u), 2302001, `connect(${JSON.stringify(u.slice(0, 40))})`);
      }
      // Options the docs call absent when undefined are fine; empty cert paths mean "not set".
      const opened = webSocket.createWebSocket();
      A.equal(await opened.connect(urls.refused, { header: undefined, caPath: '', clientCert: { certPath: '', keyPath: '' }, pingInterval: undefined }), true);
      A.equal(await opened.connect(urls.refused).catch((e) => e.code), 2302003);
      for (const data of [undefined, null, 1, true, {}, [], new Uint8Array(1), new DataView(new ArrayBuffer(1))]) {
        await assert.rejectsWith(ws.send(data), 401, `send(${Object.prototype.toString.call(data)})`);
      }
      for (const options of [null, 'x', 5, true, 1n]) {
        await assert.rejectsWith(ws.close(options), 401, `close(${String(options)})`);
      }
      // Fields are read leniently (docs/behaviour.md#close): no 401, so without a session the answer is 2302999.
      for (const options of [{ code: '1000' }, { reason: 7 }, { code: -100, reason: null }, []]) {
        await assert.rejectsWith(ws.close(options), 2302999, `close(${JSON.stringify(options)})`);
      }
      await assert.rejectsWith(ws.close({ code: 1000 }), 2302999);
      assert.throwsWith(() => ws.off('open', 'nope'), 401);
      assert.throwsWith(() => ws.on(undefined, () => {}), 401);
      assert.throwsWith(() => ws.onOpen(null), 401);
      assert.throwsWith(() => ws.on({}, () => {}), 401);
      ws.off('no-such-event');
      ws.off('no-such-event', () => {});
    },
  },
  {
    name: 'data queued while connecting is dropped when the attempt fails; send afterwards → -1',
    // Awaits two sends while the refusal is on its way: a peer must take longer than the test kit's
    // two Promise jobs at latency 0 to refuse.
    peer: ['handshake-time'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['open', 'message', 'error', 'close']);
      A.equal(await ws.connect(urls.refused), true);
      A.equal(await ws.send('queued'), true, 'send while connecting succeeds');
      A.equal(await ws.send(util.bytes(1)), true);
      await util.until(() => log.length >= 1, 10000, 'error');
      await A.rejectsWith(ws.send('late'), -1);
      await A.rejectsWith(ws.close(), 2302999);
      // The next session on the same object starts with an empty queue.
      const got = [];
      ws.on('message', (_e, d) => got.push(d));
      await util.openSocket(ws, urls.echo);
      await ws.send('fresh');
      await util.until(() => got.length === 1, 10000, 'echo');
      await util.sleep(30);
      A.deepEqual(got, ['fresh']);
      A.deepEqual(log.map(([t]) => t), ['error']);
      await ws.close();
    },
  },
];
