// Copied unchanged from the HarmonyOS API reference for @ohos.net.webSocket (API 26), example 30.
import { webSocket } from '@kit.NetworkKit';
import { BusinessError } from '@kit.BasicServicesKit';

let localServer = webSocket.createWebSocketServer();
localServer.off('connect');
