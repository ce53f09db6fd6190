/** Deno entry (`deno` condition): the namespace with Deno's native WebSocket as its default transport. */
import { webSocket } from '../../src/index.js';
import { denoTransport } from './index.js';

webSocket.setTransport(denoTransport);

export * from '../../src/index.js';
export { denoTransport };
export default webSocket;
