/**
 * The Node transport: `ws` through isomorphic-ws. Supports every option of docs/behaviour.md#connect-options and server mode.
 *
 * @example
 * import { webSocket } from 'ohos-websocket';
 * import { nodeTransport } from 'ohos-websocket/transports/node';
 * const ws = webSocket.createWebSocket({ transport: nodeTransport }); // e.g. inside Deno
 *
 * @module ohos-websocket/transports/node
 */
import { stat } from 'node:fs/promises';
import { filesCore } from '../../src/files.js';
import { heartbeatCore } from '../../src/heartbeat.js';
import { proxyCore } from '../../src/proxy.js';
import { serverCore } from '../../src/server/server.js';
import { allCapabilities, type Capabilities, type Transport } from '../../src/transport.js';
import { connectNode, nodeProxyVariable } from './client.js';
import { listenNode } from './server.js';

/**
 * `ws` honours every option of docs/behaviour.md#connect-options, any close code, and listens.
 *
 * @example
 * nodeCapabilities.heartbeat; // true
 */
export const nodeCapabilities: Capabilities = allCapabilities('node');

/**
 * The Node transport: `ws` through isomorphic-ws; every option and server mode.
 *
 * @example
 * import { nodeTransport } from 'ohos-websocket/transports/node';
 * const ws = webSocket.createWebSocket({ transport: nodeTransport }); // e.g. inside Deno
 */
export const nodeTransport: Transport = {
  capabilities: nodeCapabilities,
  fileExists: (path) => stat(path).then((s) => s.isFile(), () => false),
  filesCore,
  proxyVariable: nodeProxyVariable,
  connect: connectNode,
  listen: listenNode,
  serverCore,
  proxyCore,
  heartbeatCore,
};

export default nodeTransport;
