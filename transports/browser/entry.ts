/**
 * Browser entry (`browser` and `default` conditions): the namespace with the standard global
 * `WebSocket` as its default transport. Works in browsers, workers, Bun and Node ≥ 22.
 */
import { webSocket as core } from '../../src/index.js';
import { browserTransport } from './index.js';

core.setTransport(browserTransport);

/**
 * The HarmonyOS `webSocket` namespace (value and types), with the browser transport as default.
 * Re-bound here, not re-exported, so bundlers that honour `sideEffects: false` cannot skip this
 * module (and with it the line above) by wiring importers straight to the core's binding.
 */
export import webSocket = core;
export * from '../../src/index.js';
export { browserTransport };
export default webSocket;
