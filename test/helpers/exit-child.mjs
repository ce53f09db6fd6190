// Child process for test/node/exit.test.mjs: runs one scenario with the library, prints
// "ok <details>" and then simply returns. It never calls process.exit: the parent checks that the
// process ends by itself, i.e. that nothing (timer, socket, listener) was left behind.
//   node exit-child.mjs <scenario> <json args>
import { webSocket } from 'ohos-websocket';

const [scenario, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}');

const next = (ws, type) => new Promise((resolve) => ws.on(type, (a, b) => resolve(type === 'error' ? a : b)));

const scenarios = {
  /** connect, echo text and binary, close, wait for the close event. */
  async echo() {
    const ws = webSocket.createWebSocket();
    const opened = next(ws, 'open');
    await ws.connect(args.url, args.options ?? {});
    await opened;
    let message = next(ws, 'message');
    await ws.send('hello');
    if ((await message) !== 'hello') throw new Error('bad text echo');
    message = next(ws, 'message');
    await ws.send(new Uint8Array([1, 2, 3]).buffer);
    if ((await message).byteLength !== 3) throw new Error('bad binary echo');
    const closed = next(ws, 'close');
    await ws.close();
    return JSON.stringify(await closed);
  },
  /** the peer closes. */
  async peerClose() {
    const ws = webSocket.createWebSocket();
    const closed = next(ws, 'close');
    await ws.connect(args.url);
    await ws.send('__close__ 4000 bye');
    return JSON.stringify(await closed);
  },
  /** the peer drops the TCP connection. */
  async drop() {
    const ws = webSocket.createWebSocket();
    const error = next(ws, 'error');
    const closed = next(ws, 'close');
    await ws.connect(args.url, { pingInterval: 1, pongTimeout: 1 });
    await ws.send('__drop__');
    return `${(await error).code} ${JSON.stringify(await closed)}`;
  },
  /** a refused connection: only an error event. */
  async refused() {
    const ws = webSocket.createWebSocket();
    const error = next(ws, 'error');
    await ws.connect(args.url, { pingInterval: 1 });
    return String((await error).code);
  },
  /** close() right after connect(). */
  async abort() {
    const ws = webSocket.createWebSocket();
    const closed = next(ws, 'close');
    ws.connect(args.url, args.options ?? {});
    await ws.close();
    return JSON.stringify(await closed);
  },
  /** callbacks only, no promise awaited, listeners left registered. */
  async callbacks() {
    const ws = webSocket.createWebSocket();
    ws.on('message', () => ws.close(() => {}));
    ws.on('open', () => ws.send('x', () => {}));
    ws.on('dataEnd', () => {});
    const closed = next(ws, 'close');
    ws.connect(args.url, (err) => { if (err) throw err; });
    return JSON.stringify(await closed);
  },
};

const result = await scenarios[scenario]();
console.log(`ok ${result}`);
