// node:test example: playground/shared/chat.ts (HarmonyOS-style code, unchanged) under unit test.
// Run from the repository root after `npm run build` (`npm test` does both):
//   node --import ./playground/node/register.mjs --test test/examples/node/
// (register.mjs maps '@kit.NetworkKit' to 'ohos-websocket/kit' and strips the TypeScript types.)
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestNetwork } from 'ohos-websocket/testing';
import { ChatRoom } from '../../../playground/shared/chat.ts';
import { LINK_LOST, ROOM, startGreeter, transcript } from '../chat-fixtures.mjs';

let net;
beforeEach(() => {
  net = createTestNetwork();
  net.install(); // ChatRoom calls webSocket.createWebSocket() itself
});
afterEach(() => net.close()); // drops what is left open, gives the default transport back

test('happy path: join, say, hear, leave', async () => {
  const peer = net.peer(ROOM);
  const { lines, listener } = transcript();
  const ada = new ChatRoom('ada', listener);
  await ada.join(ROOM);
  const room = await peer.nextConnection();
  room.send('{"online": 1}');
  await ada.say('hello');
  assert.deepEqual(JSON.parse(await room.nextMessage()), { from: 'ada', text: 'hello' });
  room.send('{"from": "bob", "text": "hi ada"}');
  assert.deepEqual(await ada.leave(), { code: 1000, reason: 'ada left' });
  assert.deepEqual(room.closeFrame, { code: 1000, reason: 'ada left' }, 'what the server was told');
  assert.deepEqual(lines, ['* joined', '* 1 online', 'bob: hi ada', '* left (1000 ada left)']);
});

test('refused handshake: join rejects with error 200 and the HTTP status', async () => {
  net.peer(ROOM).refuse(403);
  await assert.rejects(new ChatRoom('ada', transcript().listener).join(ROOM), { code: 200, data: '403' });
});

test('dropped link: an error, then the close', async () => {
  const peer = net.peer(ROOM);
  const { lines, listener } = transcript();
  await new ChatRoom('ada', listener).join(ROOM);
  (await peer.nextConnection()).drop();
  await net.flush();
  assert.deepEqual(lines, LINK_LOST);
});

test('heartbeat timeout under mock timers', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const peer = net.peer(ROOM);
  const { lines, listener } = transcript();
  await new ChatRoom('ada', listener).join(ROOM);
  (await peer.nextConnection()).answerPings(false);
  // The default heartbeat pings every 30 s and waits 30 s for the pong. Node 20's mock clock dates
  // timers set during a tick from the tick's end, so the clock moves one second at a time.
  for (let second = 1; second <= 60; second++) {
    t.mock.timers.tick(1000);
    await net.flush();
    if (second === 59) assert.deepEqual(lines, ['* joined'], 'alive until the pong deadline');
  }
  assert.deepEqual(lines, LINK_LOST);
});

test('a server that pushes messages', async () => {
  const { url, server } = await startGreeter();
  const { lines, listener } = transcript();
  await new ChatRoom('ada', listener).join(url);
  await net.flush();
  assert.deepEqual(lines, ['* joined', '* 1 online', 'server: welcome']);
  await server.stop();
});
