// server.send() finds its connection by the object handed out in events (issue 14's fast path),
// and still by `{clientIP, clientPort}` value: an edited event object names the client it now
// says, a closed connection's object is 2302006, and an echo of received text arrives intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openWs, rejection, startServer } from '../helpers/server-util.mjs';

const nextMessage = (ws) => new Promise((resolve) => ws.once('message', (d, binary) => resolve([d.toString(), binary])));

test('send by the event object, by an equal copy, by an edited event object; 2302006 after close', async (t) => {
  const { server, url, next } = await startServer();
  t.after(() => server.stop());
  const a = await openWs(url);
  const [connA] = await next('connect');
  const b = await openWs(url);
  const [connB] = await next('connect', 2);

  let got = nextMessage(a);
  assert.equal(await server.send('to a', connA), true);
  assert.deepEqual(await got, ['to a', false]);

  got = nextMessage(b);
  assert.equal(await server.send('to b by copy', { ...connB }), true);
  assert.deepEqual(await got, ['to b by copy', false]);

  // An application that rewrites the object it was given sends where the object now points.
  const edited = connA;
  const portA = connA.clientPort;
  edited.clientPort = connB.clientPort;
  got = nextMessage(b);
  assert.equal(await server.send('to b by edited object', edited), true);
  assert.deepEqual(await got, ['to b by edited object', false]);
  edited.clientPort = portA;

  const closed = next('close');
  a.close();
  await closed;
  assert.equal((await rejection(server.send('gone', connA))).code, 2302006);
});

test('echoing received text sends the same text back (and other text as given)', async (t) => {
  const { server, url } = await startServer();
  t.after(() => server.stop());
  server.on('messageReceive', (m) => {
    server.send(m.data, m.clientConnection).catch(() => {});
    if (typeof m.data === 'string') server.send(`${m.data}!`, m.clientConnection).catch(() => {});
  });
  const ws = await openWs(url);
  const out = [];
  const done = new Promise((resolve) => ws.on('message', (d, binary) => { out.push([d.toString(), binary]); if (out.length === 4) resolve(); }));
  ws.send('héllo 😀');
  ws.send(Buffer.from([1, 2, 3]), { binary: true });
  ws.send('x'.repeat(70_000));
  await done;
  assert.deepEqual(out.map(([d, bin]) => [d.length > 100 ? d.length : d, bin]), [['héllo 😀', false], ['héllo 😀!', false], ['\u0001\u0002\u0003', true], [70_000, false]]);
});
