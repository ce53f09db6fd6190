// Copied unchanged from the HarmonyOS API reference for @ohos.net.webSocket (API 26), example 23.
// The reference shows this line without its import; the import is the only addition.
import { webSocket } from '@kit.NetworkKit';
let ws: webSocket.WebSocketServer = webSocket.createWebSocketServer();
