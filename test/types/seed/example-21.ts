// Copied unchanged from the HarmonyOS API reference for @ohos.net.webSocket (API 26), example 21.
import { webSocket } from '@kit.NetworkKit';

let ws = webSocket.createWebSocket();
ws.on('headerReceive', (data) => {
  console.info("on headerReceive " + JSON.stringify(data))
});
