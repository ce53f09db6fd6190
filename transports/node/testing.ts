/**
 * `ohos-websocket/testing` for the `node` condition: the test kit, loaded after the node entry so
 * `net.install()` always replaces the node default transport (never the other way round).
 */
import './entry.js';

export * from '../testing/index.js';
