// vitest example: playground/shared/chat.ts (HarmonyOS-style code, unchanged) under unit test.
// Run: npx vitest run --config test/examples/vitest.config.mjs
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { webSocket } from 'ohos-websocket';
import { createTestNetwork, type TestNetwork } from 'ohos-websocket/testing';
import { ChatRoom, type ChatListener } from '../../../playground/shared/chat.ts';

let net: TestNetwork;
let heard: string[];
const listener: ChatListener = {
  onLine: (line) => heard.push(`${line.from}: ${line.text}`),
  onPresence: (n) => heard.push(`* ${n} online`),
  onStatus: (s) => heard.push(`* ${s}`),
};

beforeEach(() => {
  heard = [];
  net = createTestNetwork();
  net.install(); // ChatRoom calls webSocket.createWebSocket() itself
});
afterEach(() => {
  net.close(); // drops what is left open and gives the default transport back
  vi.useRealTimers();
});

test('happy path: join, say, hear, leave', async () => {
  const peer = net.peer('ws://chat.test/room');
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://chat.test/room');
  const room = await peer.nextConnection();
  room.send(JSON.stringify({ online: 1 }));
  await ada.say('hello');
  expect(JSON.parse((await room.nextMessage()) as string)).toEqual({ from: 'ada', text: 'hello' });
  room.send(JSON.stringify({ from: 'bob', text: 'hi ada' }));
  expect(await ada.leave()).toEqual({ code: 1000, reason: 'ada left' });
  expect(room.closeFrame).toEqual({ code: 1000, reason: 'ada left' });
  expect(heard).toEqual(['* joined', '* 1 online', 'bob: hi ada', '* left (1000 ada left)']);
});

test('refused handshake: join rejects with error 200 and the HTTP status', async () => {
  net.peer('ws://chat.test/room').refuse(403);
  const ada = new ChatRoom('ada', listener);
  await expect(ada.join('ws://chat.test/room')).rejects.toMatchObject({ code: 200, data: '403' });
});

test('dropped link: error, then left (0 The link is down)', async () => {
  const peer = net.peer('ws://chat.test/room');
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://chat.test/room');
  (await peer.nextConnection()).drop();
  await net.flush();
  expect(heard).toEqual(['* joined', '* error 200: Websocket connect failed', '* left (0 The link is down)']);
});

test('heartbeat timeout under fake timers', async () => {
  vi.useFakeTimers();
  const peer = net.peer('ws://chat.test/room');
  const ada = new ChatRoom('ada', listener);
  await ada.join('ws://chat.test/room');
  (await peer.nextConnection()).answerPings(false);
  await vi.advanceTimersByTimeAsync(30_000); // default heartbeat: a ping every 30 s...
  expect(heard).toEqual(['* joined']);
  await vi.advanceTimersByTimeAsync(30_000); // ...and 30 s for its pong
  expect(heard).toEqual(['* joined', '* error 200: Websocket connect failed', '* left (0 The link is down)']);
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
  expect(heard).toEqual(['* joined', '* 1 online', 'server: welcome']);
  await server.stop();
});
