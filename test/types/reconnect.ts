// ohos-websocket/reconnect as a consumer sees it (the published declarations): the reconnecting
// object is a webSocket.WebSocket of this package, so HarmonyOS code switches by changing one line.
import { webSocket } from '@kit.NetworkKit';
import { BusinessError } from '@kit.BasicServicesKit';
import { createReconnectingWebSocket, QUEUE_FULL, type ReconnectReason } from 'ohos-websocket/reconnect';

const ws = createReconnectingWebSocket({
  minDelay: 500,
  maxRetries: 20,
  shouldReconnect: (r: ReconnectReason) => r.code !== 1008 && !(r.status >= 400 && r.status < 500),
  requestOptions: async () => ({ header: { authorization: 'Bearer t' } }),
});
const plain: webSocket.WebSocket = ws;
const make: typeof webSocket.createWebSocket = () => createReconnectingWebSocket({ webSocket });
ws.onMessage((err: BusinessError, data: string | ArrayBuffer) => {});
ws.on('reconnecting', (info) => console.log(info.attempt, info.delay, info.reason.type));
ws.send('x').catch((e: BusinessError) => e.code === QUEUE_FULL);
// @ts-expect-error the extension events are not on a plain socket
webSocket.createWebSocket().on('giveUp', () => {});
export { plain, make };
