// node:test example: playground/shared/chat.ts (HarmonyOS-style code, unchanged) under unit test.
// Run: node --import ./playground/node/register.mjs --test test/examples/node/
// (register.mjs maps '@kit.NetworkKit' to 'ohos-websocket/kit' and strips the TypeScript types.)
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';
import { ChatRoom } from '../../../playground/shared/chat.ts';

let net;
let heard;
const listener = {
  onLine: (line) => heard.push(`${line.from}: ${line.text}`),
  onPresence: (n) => heard.push(`* ${n} online`),
  onStatus: (s) => heard.push(`* ${s}`),
};

beforeEach(() => {
  heard = [];
  net = createTestNetwork();
  net.install(); // ChatRoom calls webSocket.createWebSocket() itself
});
afterEach(() => net.close()); // drops what is left open and gives the default transport back

test('happy path: join, say, hear, leave', async () => {
  const peer = net.peer('ws://chat.test/room');
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://chat.test/room');
  const room = await peer.nextConnection();
  room.send(JSON.stringify({ online: 1 }));
  await ada.say('hello');
  assert.deepEqual(JSON.parse(await room.nextMessage()), { from: 'ada', text: 'hello' });
  room.send(JSON.stringify({ from: 'bob', text: 'hi ada' }));
  assert.deepEqual(await ada.leave(), { code: 1000, reason: 'ada left' });
  assert.deepEqual(room.closeFrame, { code: 1000, reason: 'ada left' });
  assert.deepEqual(heard, ['* joined', '* 1 online', 'bob: hi ada', '* left (1000 ada left)']);
});

test('refused handshake: join rejects with error 200 and the HTTP status', async () => {
  net.peer('ws://chat.test/room').refuse(403);
  const ada = new ChatRoom('ada', listener);
  await assert.rejects(ada.join('ws://chat.test/room'), { code: 200, data: '403' });
});

test('dropped link: error, then left (0 The link is down)', async () => {
  const peer = net.peer('ws://chat.test/room');
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://chat.test/room');
  (await peer.nextConnection()).drop();
  await net.flush();
  assert.deepEqual(heard, ['* joined', '* error 200: Websocket connect failed', '* left (0 The link is down)']);
});

test('heartbeat timeout under mock timers', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const peer = net.peer('ws://chat.test/room');
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://chat.test/room');
  (await peer.nextConnection()).answerPings(false);
  // Default heartbeat: a ping every 30 s, 30 s for its pong. Node 20's mock clock dates timers set
  // during a tick from the tick's end, so advance second by second.
  for (let s = 0; s < 60; s++) {
    t.mock.timers.tick(1000);
    await net.flush();
  }
  assert.deepEqual(heard, ['* joined', '* error 200: Websocket connect failed', '* left (0 The link is down)']);
});

test('a server that pushes messages', async () => {
  const server = webSocket.createWebSocketServer(); // on the installed test network
  server.on('connect', (conn) => {
    server.send(JSON.stringify({ online: server.listAllConnections().length }), conn);
    server.send(JSON.stringify({ from: 'server', text: 'welcome' }), conn);
  });
  await server.start({ serverIP: '127.0.0.1', serverPort: 8082, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://127.0.0.1:8082');
  await net.flush();
  assert.deepEqual(heard, ['* joined', '* 1 online', 'server: welcome']);
  await server.stop();
});
