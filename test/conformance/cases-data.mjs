// Conformance cases for data fidelity and the payload limit (docs/behaviour.md#send, #data-fidelity). Portable.
import * as A from './assert.mjs';

const MAX = 5_242_864;

/** @type {Array<{name: string, needs?: string[], peer?: string[], run: (ctx: any) => Promise<void>}>} */
export const dataCases = [
  {
    name: '1,000 mixed text/binary messages are echoed in order, none lost, none duplicated',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      const got = [];
      ws.on('message', (_e, d) => got.push(d));
      const opened = util.once(ws, 'open');
      ws.connect(urls.echo);
      const sent = [];
      for (let i = 0; i < 1000; i++) {
        // Some are sent while connecting (queued), the rest after open.
        if (i === 100) await opened;
        const data = i % 3 === 0 ? util.bytes(i & 255, (i >> 8) & 255, 7) : `m${i}:${'é𝄞'.repeat(i % 5)}`;
        sent.push(data);
        ws.send(data); // promise form, not awaited: ordering must not depend on awaiting
      }
      await util.until(() => got.length >= 1000, 30000, '1000 echoes');
      await util.sleep(20);
      A.equal(got.length, 1000, 'no duplicates');
      for (let i = 0; i < 1000; i++) {
        if (typeof sent[i] === 'string') A.equal(got[i], sent[i], `message ${i}`);
        else {
          A.ok(got[i] instanceof ArrayBuffer, `message ${i} is an ArrayBuffer`);
          A.deepEqual(got[i], sent[i], `message ${i}`);
        }
      }
      await ws.close();
    },
  },
  {
    name: 'strings round-trip exactly (non-BMP, controls) and binary byte-exactly (all 256 values)',
    async run({ webSocket, urls, util }) {
      const ws = webSocket.createWebSocket();
      await util.openSocket(ws, urls.echo);
      const text = 'a\u0000b\u007f\u0080\u07ff\u0800\uffff𝄞😀 日本語 \t\r\n';
      A.equal(await util.ask(ws, text), text);
      const all = new Uint8Array(256).map((_, i) => i).buffer;
      const back = await util.ask(ws, all);
      A.ok(back instanceof ArrayBuffer, 'an ArrayBuffer');
      A.equal(back.byteLength, 256, 'exactly the payload, not a view onto a larger buffer');
      A.deepEqual(back, all);
      const big = new Uint8Array(200_000).map((_, i) => (i * 31) & 255).buffer;
      const bigBack = await util.ask(ws, big);
      A.equal(bigBack.byteLength, big.byteLength);
      A.deepEqual(bigBack, big);
      await ws.close();
    },
  },
  {
    name: 'payload limit 5,242,864 bytes: exactly the limit is sent, one byte more → 401 (UTF-8 counted)',
    async run({ webSocket, urls, util, assert }) {
      const ws = webSocket.createWebSocket();
      await util.openSocket(ws, urls.echo);
      await assert.rejectsWith(ws.send('a'.repeat(MAX + 1)), 401, 'ASCII text one byte over');
      await assert.rejectsWith(ws.send('é'.repeat(MAX / 2) + 'a'), 401, '2-byte text one byte over');
      await assert.rejectsWith(ws.send('é'.repeat(MAX / 2 - 1) + '€'), 401, 'fewer UTF-16 units than the limit, more bytes');
      await assert.rejectsWith(ws.send(new ArrayBuffer(MAX + 1)), 401, 'binary one byte over');
      const err = await new Promise((resolve) => ws.send('𝄞'.repeat(MAX / 4 + 1), (e) => resolve(e)));
      A.equal(err?.code, 401, '4-byte text over the limit, callback form');

      const text = 'é'.repeat(MAX / 2);
      A.equal(await ws.send(text), true);
      const echoed = await new Promise((resolve) => ws.on('message', (_e, d) => resolve(d)));
      A.equal(typeof echoed, 'string');
      A.equal(echoed.length, text.length);
      A.ok(echoed === text, 'the limit-sized text came back intact');
      const bin = new Uint8Array(MAX).fill(9);
      bin[MAX - 1] = 1;
      A.equal(await ws.send(bin.buffer), true);
      const back = await new Promise((resolve) => ws.on('message', (_e, d) => resolve(d)));
      A.equal(back.byteLength, MAX);
      A.equal(new Uint8Array(back)[MAX - 1], 1);
      A.equal(await ws.send('a'.repeat(MAX)), true, 'ASCII text at the limit');
      await new Promise((resolve) => ws.on('message', (_e, d) => resolve(d)));
      ws.off('message');
      await ws.close();
    },
  },
];
