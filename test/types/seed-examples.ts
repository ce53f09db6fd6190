// HarmonyOS code written as in the API reference examples must type-check unchanged.
import { webSocket } from '@kit.NetworkKit';
import { BusinessError } from '@kit.BasicServicesKit';

let ws = webSocket.createWebSocket();
let url = 'ws://';
ws.connect(url, (err: BusinessError, value: boolean) => {
  if (!err) console.info('connect success');
  else console.error(`connect fail. Code: ${err.code}, message: ${err.message}`);
});
let options: webSocket.WebSocketRequestOptions | undefined;
if (options != undefined) {
  options.header = { name1: 'value1', name2: 'value2', name3: 'value3' };
  options.caPath = '';
}
ws.connect(url, options, (err: BusinessError, value: Object) => {
  if (!err) console.info('connect success');
});
let promise = ws.connect(url);
promise.then((value: boolean) => console.info('connect success')).catch((err: string) => console.error(err));

class OutValue {
  status: number = 0;
  message: string = '';
}
ws.on('open', (err: BusinessError, value: Object) => {
  console.info('on open, status:' + (value as OutValue).status + ', message:' + (value as OutValue).message);
  ws.send('Hello, server!', (err: BusinessError, value: boolean) => {
    if (!err) console.info('Message send successfully');
  });
});
ws.on('message', (err: BusinessError<void>, value: string | ArrayBuffer) => {
  if (value === 'bye') {
    ws.close((err: BusinessError, value: boolean) => {});
  }
});
ws.on('close', (err: BusinessError, value: webSocket.CloseResult) => {
  console.info('on close, code is ' + value.code + ', reason is ' + value.reason);
});
ws.on('error', (err: BusinessError) => console.error('on error, error:' + JSON.stringify(err)));
ws.on('dataEnd', () => console.info('on dataEnd'));
ws.on('headerReceive', (data) => console.info('on headerReceive ' + JSON.stringify(data)));
ws.off('open');
ws.off('error');
let closeOptions: webSocket.WebSocketCloseOptions = { code: 1000, reason: 'your reason' };
ws.close(closeOptions).then((value: boolean) => {});
ws.send(new ArrayBuffer(8)).then((ok: boolean) => ok);
ws.connect(url, { protocol: 'chat', proxy: 'system', skipServerCertVerification: false, pingInterval: 10, pongTimeout: 5,
  clientCert: { certPath: '/a', keyPath: '/b', keyPassword: 'x' },
  minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_2 });
let httpProxy: webSocket.HttpProxy = { host: 'proxy', port: 8080, exclusionList: [] };
ws.connect(url, { proxy: httpProxy });

// Static-ArkTS aliases
ws.onOpen((r: webSocket.OpenResult) => r.status);
ws.onMessage((err: BusinessError, d: string | ArrayBuffer) => d);
ws.onWebSocketClose((err: BusinessError, r: webSocket.CloseResult) => r.code);
ws.onWebSocketError((e: BusinessError) => e.code);
ws.onDataEnd(() => {});
ws.onHeaderReceive((h: webSocket.ResponseHeaders) => h);

// Wrong uses must fail.
// @ts-expect-error data must be string | ArrayBuffer
ws.send(42);
// @ts-expect-error unknown option
ws.connect(url, { nope: true });
// @ts-expect-error message callback receives string | ArrayBuffer, not number
ws.on('message', (err: BusinessError, value: number) => {});
// @ts-expect-error close result has no "status"
ws.on('close', (err: BusinessError, value: webSocket.CloseResult) => value.status);
// @ts-expect-error connect needs a URL string
ws.connect(8080);
