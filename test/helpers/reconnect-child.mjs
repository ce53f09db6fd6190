// Child process for test/node/reconnect-exit.test.mjs: ends a reconnecting session in one state,
// prints "ok <close result>" and returns. It never calls process.exit: the parent checks that the
// process ends by itself (no timer, socket or listener left behind).
//   node reconnect-child.mjs <state> <url>
import { createReconnectingWebSocket } from 'ohos-websocket/reconnect';

const [state, url] = process.argv.slice(2);
const ws = createReconnectingWebSocket({ minDelay: state === 'giveUp' ? 10 : 60000, maxRetries: state === 'giveUp' ? 2 : Infinity, jitter: false });
const closed = new Promise((resolve) => ws.on('close', (err, result) => resolve(result)));
const reached = (s) => new Promise((resolve) => {
  const poll = () => (ws.state === s ? resolve() : setTimeout(poll, 5));
  poll();
});
// A heartbeat runs in every state that has a link: its timers must go too.
await ws.connect(url, { pingInterval: 1, pongTimeout: 1 });
if (state !== 'giveUp') {
  await reached(state);
  await ws.close({ code: 4000, reason: state });
}
console.log(`ok ${JSON.stringify(await closed)}`);
