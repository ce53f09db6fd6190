// vitest example: playground/shared/chat.ts (HarmonyOS-style code, unchanged) under unit test.
// Run from the repository root after `npm run build` (`npm test` does both):
//   npx vitest run --config test/examples/vitest.config.mjs
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createTestNetwork, type TestNetwork } from 'ohos-websocket/testing';
import { ChatRoom } from '../../../playground/shared/chat.ts';
import { LINK_LOST, ROOM, startGreeter, transcript } from '../chat-fixtures.mjs';

let net: TestNetwork;
beforeEach(() => {
  net = createTestNetwork();
  net.install(); // ChatRoom calls webSocket.createWebSocket() itself
});
afterEach(() => {
  net.close(); // drops what is left open, gives the default transport back
  vi.useRealTimers();
});

test('happy path: join, say, hear, leave', async () => {
  const peer = net.peer(ROOM, { onConnection: (room) => room.send('{"online": 1}') });
  const { lines, listener } = transcript();
  const ada = new ChatRoom('ada', listener);
  await ada.join(ROOM);
  await ada.say('hello');
  const room = peer.connection!;
  expect(JSON.parse((await room.nextMessage()) as string)).toEqual({ from: 'ada', text: 'hello' });
  room.send('{"from": "bob", "text": "hi ada"}');
  await expect(ada.leave()).resolves.toEqual({ code: 1000, reason: 'ada left' });
  expect(room.closeFrame).toEqual({ code: 1000, reason: 'ada left' });
  expect(lines).toEqual(['* joined', '* 1 online', 'bob: hi ada', '* left (1000 ada left)']);
});

test('refused handshake: join rejects with error 200 and the HTTP status', async () => {
  net.peer(ROOM).refuse(403);
  await expect(new ChatRoom('ada', transcript().listener).join(ROOM)).rejects.toMatchObject({ code: 200, data: '403' });
});

test('dropped link: an error, then the close', async () => {
  const peer = net.peer(ROOM, { onConnection: (room) => room.drop() });
  const { lines, listener } = transcript();
  await new ChatRoom('ada', listener).join(ROOM);
  await peer.connection!.closed;
  await net.flush();
  expect(lines).toEqual(LINK_LOST);
});

test('heartbeat timeout under fake timers', async () => {
  vi.useFakeTimers();
  net.peer(ROOM, { onConnection: (room) => room.answerPings(false) });
  const { lines, listener } = transcript();
  await new ChatRoom('ada', listener).join(ROOM);
  await vi.advanceTimersByTimeAsync(59_999); // the default heartbeat: a ping at 30 s, its pong due at 60 s
  expect(lines).toEqual(['* joined']);
  await vi.advanceTimersByTimeAsync(1);
  expect(lines).toEqual(LINK_LOST);
});

test('a server that pushes messages', async () => {
  const { url, server } = await startGreeter();
  const { lines, listener } = transcript();
  await new ChatRoom('ada', listener).join(url);
  await vi.waitFor(() => expect(lines).toHaveLength(3));
  expect(lines).toEqual(['* joined', '* 1 online', 'server: welcome']);
  await server.stop();
});
