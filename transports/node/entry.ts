/** Node entry (`node` condition): the namespace with `ws` as its default transport. */
import { webSocket } from '../../src/index.js';
import { nodeTransport } from './index.js';

webSocket.setTransport(nodeTransport);

export * from '../../src/index.js';
export { nodeTransport };
export default webSocket;
