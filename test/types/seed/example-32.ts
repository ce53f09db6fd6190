// Copied unchanged from the HarmonyOS API reference for @ohos.net.webSocket (API 26), example 32.
import { webSocket } from '@kit.NetworkKit';
import { BusinessError, Callback } from '@kit.BasicServicesKit';

let localServer = webSocket.createWebSocketServer();
localServer.off('messageReceive');
