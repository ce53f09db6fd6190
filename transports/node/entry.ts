/**
 * Node entry (`node` condition): the namespace with `ws` as its default transport.
 *
 * @module ohos-websocket
 */
import { webSocket as core } from '../../src/index.js';
import { nodeTransport } from './index.js';

core.setTransport(nodeTransport);

/**
 * The HarmonyOS `webSocket` namespace (value and types), with the Node transport as default.
 * Re-bound here, not re-exported, so bundlers that honour `sideEffects: false` cannot skip this
 * module (and with it the line above) by wiring importers straight to the core's binding.
 */
export import webSocket = core;
export * from '../../src/index.js';
export { serverCore } from '../../src/server/server.js';
export { proxyCore, systemProxy } from '../../src/proxy.js';
export { heartbeatCore } from '../../src/heartbeat.js';
export { filesCore } from '../../src/files.js';
export { nodeTransport };
export default webSocket;
