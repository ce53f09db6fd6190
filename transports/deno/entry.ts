/** Deno entry (`deno` condition): the namespace with Deno's native WebSocket as its default transport. */
import { webSocket } from '../../src/index.js';
import { createDenoTransport, denoTransport } from './index.js';

webSocket.setTransport(denoTransport);

export * from '../../src/index.js';
export { createDenoTransport, denoTransport };
export default webSocket;
