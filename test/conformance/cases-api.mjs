// Conformance cases for the API surface (docs/behaviour.md#callbacks-and-promises, §2.2, §2.7): overloads, the one-listener rule,
// the static-ArkTS aliases, openInfo, dataEnd. Portable: everything comes through `ctx`.
import * as A from './assert.mjs';

const isPromise = (v) => v !== null && typeof v === 'object' && typeof v.then === 'function';

/** @type {Array<{name: string, needs?: string[], peer?: string[], run: (ctx: any) => Promise<void>}>} */
export const apiCases = [
  {
    name: 'callback forms return undefined and call back asynchronously with (undefined, true)',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const opened = util.once(ws, 'open');
      const r = await util.viaCallback((cb) => ws.connect(urls.echo, cb));
      A.equal(r.returned, undefined, 'connect(url, cb) returns undefined');
      A.equal(r.sync, false, 'connect callback must not run inside the call');
      A.deepEqual(r.args, [undefined, true]);
      await opened;
      const sent = await util.viaCallback((cb) => ws.send('x', cb));
      A.equal(sent.returned, undefined);
      A.equal(sent.sync, false, 'send callback must not run inside the call');
      A.deepEqual(sent.args, [undefined, true]);
      const closed = util.once(ws, 'close');
      const c = await util.viaCallback((cb) => ws.close(cb));
      A.equal(c.returned, undefined);
      A.equal(c.sync, false, 'close callback must not run inside the call');
      A.deepEqual(c.args, [undefined, true]);
      A.deepEqual(await closed, { code: 1000, reason: 'CLOSE_NORMAL' });

      // connect(url, options, cb) and close(options, cb)
      const opened2 = util.once(ws, 'open');
      const r3 = await util.viaCallback((cb) => ws.connect(urls.echo, {}, cb));
      A.deepEqual([r3.returned, r3.sync, ...r3.args], [undefined, false, undefined, true]);
      await opened2;
      const closed2 = util.once(ws, 'close');
      const c2 = await util.viaCallback((cb) => ws.close({ code: 4321, reason: 'cb form' }, cb));
      A.deepEqual([c2.returned, c2.sync, ...c2.args], [undefined, false, undefined, true]);
      A.deepEqual(await closed2, { code: 4321, reason: 'cb form' });
    },
  },
  {
    name: 'callback forms report errors as (err) asynchronously; promise forms reject; nothing throws',
    async run({ webSocket, util }) {
      const ws = webSocket.createWebSocket();
      const checks = [
        [(cb) => ws.connect('hello', cb), 2302001],
        [(cb) => ws.connect('ws://127.0.0.1:1', null, cb), 401],
        [(cb) => ws.connect('ws://127.0.0.1:1', undefined, cb), 401],
        [(cb) => ws.send('x', cb), -1],
        [(cb) => ws.send(new DataView(new ArrayBuffer(1)), cb), 401],
        [(cb) => ws.close(cb), 2302999],
        [(cb) => ws.close(null, cb), 401],
        [(cb) => ws.close({ code: '1000' }, cb), 2302999], // fields are read leniently (docs/behaviour.md#close)
      ];
      for (const [start, code] of checks) {
        const r = await util.viaCallback(start);
        A.equal(r.returned, undefined);
        A.equal(r.sync, false, 'error callbacks are asynchronous too');
        A.equal(r.args[0]?.code, code, `expected ${code}, got ${r.args[0]?.code} (${r.args[0]?.message})`);
        A.ok(r.args[0] instanceof Error, 'a BusinessError is an Error');
      }
      const p = ws.send('x');
      A.ok(isPromise(p), 'send(data) returns a Promise');
      await A.rejectsWith(p, -1);
      const q = ws.connect('hello');
      A.ok(isPromise(q), 'connect(url) returns a Promise');
      await A.rejectsWith(q, 2302001);
      const r = ws.close();
      A.ok(isPromise(r), 'close() returns a Promise');
      await A.rejectsWith(r, 2302999);
    },
  },
  {
    name: "a successful send's promise behaves as a native one: then/catch/finally/await, and no caller can change it for others",
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const opened = util.once(ws, 'open');
      await ws.connect(urls.echo);
      await opened;
      const p = ws.send('a');
      A.ok(p instanceof Promise, 'a real Promise (await takes its fast path)');
      let caught = 0;
      const c = p.catch(() => { caught++; });
      A.ok(c instanceof Promise, 'catch() returns a Promise');
      A.equal(await c, true, 'catch() of a fulfilled send resolves with true');
      A.equal(await p.then((v) => `then ${v}`), 'then true');
      A.equal(await p.finally(() => {}), true);
      A.equal(await ws.send('b'), true);
      A.equal(caught, 0, 'the catch handler of a successful send never runs');
      // The catch a success offers, borrowed for another promise, is an ordinary catch.
      A.equal(await p.catch.call(Promise.reject(new Error('x')), (e) => e.message), 'x');
      // A caller cannot replace then/catch on the promise another send returns.
      try { p.then = () => 'hijacked'; } catch { /* frozen: a strict-mode assignment throws */ }
      try { p.catch = () => 'hijacked'; } catch { /* ditto */ }
      const next = ws.send('c');
      A.equal(await next.then((v) => v), true, 'then() is still the native one');
      A.equal(await next.catch(() => 'caught'), true);
      const closed = util.once(ws, 'close');
      await ws.close();
      await closed;
    },
  },
  {
    name: 'one listener per event: on replaces, off(type, fn) only for the same fn, off(type) removes',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const got = [];
      const f1 = (_e, d) => got.push(['f1', d]);
      const f2 = (_e, d) => got.push(['f2', d]);
      ws.on('message', f1);
      ws.on('message', f2);
      await util.openSocket(ws, urls.echo);
      await ws.send('one');
      await util.until(() => got.length === 1, 10000, 'first echo');
      A.deepEqual(got, [['f2', 'one']], 'the second on() replaced the first listener');
      ws.off('message', f1); // not the registered one: no effect
      await ws.send('two');
      await util.until(() => got.length === 2, 10000, 'second echo');
      A.deepEqual(got[1], ['f2', 'two']);
      ws.off('message', f2);
      ws.on('close', () => {});
      const marker = util.once(ws, 'close');
      await ws.send('three');
      await ws.send('__close__ 4000 x'); // echo of "three" precedes the close
      await marker;
      A.equal(got.length, 2, 'off(type, fn) removed the listener');
      ws.on('message', f1);
      ws.off('message');
      ws.on('message', f1);
      ws.off('message', f1);
      await util.openSocket(ws, urls.echo);
      const end = util.once(ws, 'close');
      await ws.send('four');
      await ws.send('__close__ 4000 x');
      await end;
      A.equal(got.length, 2, 'off(type) and off(type, same fn) removed the listener');
    },
  },
  {
    name: 'static aliases share the slot of the event they name, with the official shapes: onMessage/onWebSocketClose get (undefined, value)',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const calls = [];
      ws.on('open', () => calls.push('on(open)'));
      ws.onOpen((...args) => calls.push(['onOpen', args]));
      const onMsg = (...args) => calls.push(['onMessage', args]);
      ws.onMessage(onMsg);
      ws.onDataEnd((...args) => calls.push(['onDataEnd', args.filter((a) => a !== undefined)]));
      const onClose = (...args) => calls.push(['onWebSocketClose', args]);
      ws.onWebSocketClose(onClose);
      ws.on('close', onClose); // re-registering through on() keeps the same slot
      ws.offWebSocketClose(() => {}); // a different function: no effect
      ws.onWebSocketClose(onClose);
      await ws.connect(urls.echo);
      await util.until(() => calls.length === 1, 10000, 'open');
      A.deepEqual(calls[0], ['onOpen', [{ status: 101, message: 'Switching Protocols' }]], 'onOpen replaced on(open) and gets only the OpenResult');
      await ws.send('hi');
      await util.until(() => calls.length === 3, 10000, 'message');
      A.deepEqual(calls[1], ['onMessage', [undefined, 'hi']], 'onMessage is an AsyncCallback: (undefined, data)');
      A.deepEqual(calls[2], ['onDataEnd', []]);
      ws.off('message', onMsg); // off() removes a listener registered through the alias
      await ws.send('__close__ 4002 bye');
      await util.until(() => calls.length === 4, 10000, 'close');
      A.deepEqual(calls[3], ['onWebSocketClose', [undefined, { code: 4002, reason: 'bye' }]], 'onWebSocketClose is an AsyncCallback: (undefined, result)');

      const errors = [];
      const onErr = (...args) => errors.push(args);
      ws.onWebSocketError(onErr);
      await A.rejectsWith(ws.connect('ws://'), -1); // no host: -1 and an error event
      await util.until(() => errors.length === 1, 10000, 'error');
      A.equal(errors[0].length, 1, 'onWebSocketError gets the error only');
      A.equal(errors[0][0].code, 200);
      ws.offWebSocketError(onErr);
      await A.rejectsWith(ws.connect('ws://'), -1);
      await util.sleep(20);
      A.equal(errors.length, 1, 'offWebSocketError(fn) removed it');
      ws.offOpen();
      ws.offMessage();
      ws.offDataEnd();
      ws.offHeaderReceive();
      ws.onHeaderReceive(() => {});
      ws.offHeaderReceive();
    },
  },
  {
    name: 'openInfo carries the negotiated protocol, and no protocol key when none was asked for',
    peer: ['subprotocol'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const info = util.once(ws, 'openInfo');
      await ws.connect(urls.echo, { protocol: 'chat' });
      A.deepEqual(await info, { status: 101, message: 'Switching Protocols', protocol: 'chat' });
      const closed = util.once(ws, 'close');
      await ws.close();
      await closed;
      const info2 = util.once(ws, 'openInfo');
      const open = util.once(ws, 'open');
      await ws.connect(urls.echo);
      const [i2] = await Promise.all([info2, open]);
      A.deepEqual(i2, { status: 101, message: 'Switching Protocols' });
      A.ok(!('protocol' in i2), 'no protocol key when none was negotiated');
      await ws.close();
    },
  },
  {
    name: 'subprotocol list: the server picks one of the offered ("a, b" → "a")',
    peer: ['subprotocol'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const info = util.once(ws, 'openInfo');
      await ws.connect(urls.echo, { protocol: 'a, b' });
      A.equal((await info).protocol, 'a');
      await ws.close();
    },
  },
  {
    name: 'subprotocol refused (server selects none, or one not offered): an error event, no open, no close',
    peer: ['subprotocol'],
    async run({ webSocket, urls, util }) {
      for (const path of ['/no-protocol', '/wrong-protocol']) {
        const ws = webSocket.createWebSocket();
        const log = util.record(ws, ['open', 'error', 'close']);
        A.equal(await ws.connect(util.withPath(urls.echo, path), { protocol: 'chat' }), true);
        await util.until(() => log.length >= 1, 10000, 'error');
        await util.sleep(50);
        A.deepEqual(log.map(([t]) => t), ['error'], `${path}: only an error event`);
        A.equal(log[0][1].code, 200);
        A.equal(typeof log[0][1].data, 'string');
        await A.rejectsWith(ws.send('x'), -1, 'the failed session has ended');
      }
    },
  },
  {
    name: 'dataEnd fires only while a message listener is registered, once after each message',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      let ends = 0;
      ws.on('dataEnd', () => ends++);
      await util.openSocket(ws, urls.echo);
      const closed = util.once(ws, 'close');
      await ws.send('no listener');
      await ws.send(util.bytes(1));
      await ws.send('__close__ 4000 x');
      await closed;
      A.equal(ends, 0, 'no message listener, no dataEnd');
      const seen = [];
      ws.on('message', (_e, d) => seen.push(ends));
      ws.on('dataEnd', () => seen.push('end'));
      await util.openSocket(ws, urls.echo);
      await ws.send('a');
      await ws.send(util.bytes(2));
      await util.until(() => seen.length === 4, 10000, '2 messages + 2 dataEnd');
      A.deepEqual(seen, [0, 'end', 0, 'end']);
      await ws.close();
    },
  },
  {
    name: 'headerReceive: the 101 headers with lowercase keys and string values, before open',
    peer: ['subprotocol'],
    needs: ['responseHeaders'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const log = util.record(ws, ['headerReceive', 'open']);
      await ws.connect(urls.echo, { protocol: 'chat' });
      await util.until(() => log.length === 2, 10000, 'headerReceive and open');
      A.deepEqual(log.map(([t]) => t), ['headerReceive', 'open']);
      const headers = log[0][1];
      A.equal(headers.upgrade.toLowerCase(), 'websocket');
      A.equal(headers['sec-websocket-protocol'], 'chat');
      A.equal(typeof headers['sec-websocket-accept'], 'string');
      for (const [k, v] of Object.entries(headers)) {
        A.equal(k, k.toLowerCase(), `key ${k} is lowercase`);
        A.equal(typeof v, 'string', `value of ${k} is a string`);
      }
      await ws.close();
    },
  },
  {
    name: 'custom headers reach the peer lowercased; non-string values are dropped; Origin is http://host',
    peer: ['headers'],
    needs: ['headers'],
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      await util.openSocket(ws, urls.echo, { header: { 'X-Token': 'Abc', 'X-Number': 7, 'X-Empty': '' } });
      const h = JSON.parse(await util.ask(ws, '__headers__'));
      A.equal(h['x-token'], 'Abc');
      A.equal(h['x-number'], undefined);
      A.equal(h['x-empty'], undefined);
      const u = new URL(urls.echo);
      A.equal(h.origin, `${u.protocol === 'wss:' ? 'https' : 'http'}://${u.hostname}`);
      await ws.close();
    },
  },
];
