/**
 * `ohos-websocket/testing` for the `deno` condition: the test kit, loaded after the deno entry so
 * `net.install()` always replaces the deno default transport (never the other way round).
 */
import './entry.js';

export * from '../testing/index.js';
