// jest example: playground/shared/chat.ts (HarmonyOS-style code, unchanged) under unit test.
// Run from the repository root after `npm run build` (`npm test` does both):
//   NODE_OPTIONS=--experimental-vm-modules npx jest --config test/examples/jest.config.mjs
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { createTestNetwork, type TestNetwork, type TestPeer } from 'ohos-websocket/testing';
import { ChatRoom } from '../../../playground/shared/chat.ts';
import { LINK_LOST, ROOM, startGreeter, transcript } from '../chat-fixtures.mjs';

describe('ChatRoom', () => {
  let net: TestNetwork;
  let peer: TestPeer;
  let heard: ReturnType<typeof transcript>;
  let ada: ChatRoom;

  beforeEach(() => {
    net = createTestNetwork();
    net.install(); // ChatRoom calls webSocket.createWebSocket() itself
    peer = net.peer(ROOM);
    heard = transcript();
    ada = new ChatRoom('ada', heard.listener);
  });
  afterEach(() => {
    net.close(); // drops what is left open, gives the default transport back
    jest.useRealTimers();
  });

  test('happy path: says hello, hears bob, leaves with 1000', async () => {
    await ada.join(ROOM);
    const room = await peer.nextConnection();
    await ada.say('hello');
    expect(room.received).toEqual(['{"from":"ada","text":"hello"}']);
    room.send('{"from": "bob", "text": "hi ada"}');
    room.send('{"online": 2}');
    await ada.leave();
    expect(room.closeFrame).toEqual({ code: 1000, reason: 'ada left' });
    expect(heard.lines).toEqual(['* joined', 'bob: hi ada', '* 2 online', '* left (1000 ada left)']);
  });

  test('a refused handshake rejects join with {code: 200, data: "403"}', async () => {
    peer.refuse(403);
    await expect(ada.join(ROOM)).rejects.toMatchObject({ code: 200, data: '403' });
    expect(net.handshakes.map((h) => h.outcome)).toEqual(['refused']);
  });

  test('a dropped link reports the error, then the close', async () => {
    await ada.join(ROOM);
    (await peer.nextConnection()).drop();
    await net.flush();
    expect(heard.lines).toEqual(LINK_LOST);
  });

  test('a silent server fails the heartbeat (jest fake timers)', async () => {
    jest.useFakeTimers();
    await ada.join(ROOM);
    const room = await peer.nextConnection();
    room.answerPings(false);
    await jest.advanceTimersByTimeAsync(59_000); // the default heartbeat pings every 30 s...
    expect(room.pings).toBe(1);
    expect(heard.lines).toEqual(['* joined']);
    await jest.advanceTimersByTimeAsync(1_000); // ...and drops the link 30 s without a pong
    expect(heard.lines).toEqual(LINK_LOST);
  });

  test('hears what a server pushes on connect', async () => {
    const { url, server } = await startGreeter();
    const bob = new ChatRoom('bob', heard.listener);
    await bob.join(url);
    await net.flush();
    expect(heard.lines).toEqual(['* joined', '* 1 online', 'server: welcome']);
    await server.stop();
  });
});
