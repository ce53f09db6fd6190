/**
 * `ohos-websocket/testing` for the `browser` condition: the test kit, loaded after the browser entry so
 * `net.install()` always replaces the browser default transport (never the other way round).
 */
import './entry.js';

export * from '../testing/index.js';
