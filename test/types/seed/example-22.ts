// Copied unchanged from the HarmonyOS API reference for @ohos.net.webSocket (API 26), example 22.
import { webSocket } from '@kit.NetworkKit';

let ws = webSocket.createWebSocket();
ws.off('headerReceive');
