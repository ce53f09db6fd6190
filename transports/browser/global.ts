/**
 * Script-tag entry: built into `dist/ohos-websocket.min.js` (an IIFE assigning the global
 * `webSocket`), so HarmonyOS code that uses the identifier `webSocket` runs unchanged after
 * `<script src="https://cdn.jsdelivr.net/npm/ohos-websocket">`. A script has no imports, so
 * `BusinessError` and `isBusinessError` hang off the namespace object.
 *
 * @example
 * // <script src="https://cdn.jsdelivr.net/npm/ohos-websocket"></script>
 * const ws = webSocket.createWebSocket();
 * ws.connect('wss://echo.example').catch((e) => { if (e instanceof webSocket.BusinessError) console.log(e.code); });
 */
import { createWebSocketModule, type WebSocketModule } from '../../src/module.js';
import { BusinessError, isBusinessError } from '../../src/errors.js';
import { browserTransport } from './index.js';

/** The global `webSocket`: the namespace plus what `@ohos.base` would give an app. */
export interface GlobalWebSocket extends WebSocketModule {
  readonly BusinessError: typeof BusinessError;
  readonly isBusinessError: typeof isBusinessError;
}

// Built here rather than imported from the shared namespace so the global is its own object with
// the browser transport from the start (no `unset` placeholder in the file).
const webSocket: GlobalWebSocket = Object.assign(createWebSocketModule(browserTransport), { BusinessError, isBusinessError });

export default webSocket;
