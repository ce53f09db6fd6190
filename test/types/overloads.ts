// Every overload of the client compiles with the return type HarmonyOS declares; wrong uses fail.
// Also: the namespace works as a value and as types, the static aliases, the base types.
import { webSocket } from '@kit.NetworkKit';
import webSocketDefault from '@ohos.net.webSocket';
import { BusinessError, isBusinessError, type AsyncCallback, type Callback, type ErrorCallback } from '@kit.BasicServicesKit';

/** Compile-time equality of two types. */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const expectType = <T>(_value: T): void => {};
const assertTrue = <T extends true>(): void => {};

const ws: webSocket.WebSocket = webSocket.createWebSocket();
const url = 'ws://127.0.0.1:8080';
const cb: AsyncCallback<boolean> = (err, ok) => { if (err) console.log(err.code, err.message, err.data); else console.log(ok); };

// connect: callback forms return void, promise forms Promise<boolean>
const c1 = ws.connect(url, cb);
const c2 = ws.connect(url, {}, cb);
const c3 = ws.connect(url, undefined, cb);
const c4 = ws.connect(url);
const c5 = ws.connect(url, { header: { a: 'b' }, protocol: 'chat' });
const c6 = ws.connect(url, undefined);
assertTrue<Equals<typeof c1, void>>();
assertTrue<Equals<typeof c2, void>>();
assertTrue<Equals<typeof c3, void>>();
assertTrue<Equals<typeof c4, Promise<boolean>>>();
assertTrue<Equals<typeof c5, Promise<boolean>>>();
assertTrue<Equals<typeof c6, Promise<boolean>>>();

// send
assertTrue<Equals<ReturnType<() => ReturnType<typeof ws.send>>, Promise<boolean>>>();
const s1 = ws.send('text', cb);
const s2 = ws.send(new ArrayBuffer(4), cb);
const s3 = ws.send('text');
const s4 = ws.send(new ArrayBuffer(4));
assertTrue<Equals<typeof s1, void>>();
assertTrue<Equals<typeof s2, void>>();
assertTrue<Equals<typeof s3, Promise<boolean>>>();
assertTrue<Equals<typeof s4, Promise<boolean>>>();

// close
const x1 = ws.close(cb);
const x2 = ws.close({ code: 1000, reason: 'bye' }, cb);
const x3 = ws.close(undefined, cb);
const x4 = ws.close();
const x5 = ws.close({ code: 4000 });
assertTrue<Equals<typeof x1, void>>();
assertTrue<Equals<typeof x2, void>>();
assertTrue<Equals<typeof x3, void>>();
assertTrue<Equals<typeof x4, Promise<boolean>>>();
assertTrue<Equals<typeof x5, Promise<boolean>>>();

// Events: each with its own callback type.
ws.on('open', (err: BusinessError, value: Object) => expectType<Object>(value));
ws.on('openInfo', (err, info) => { expectType<number>(info.status); expectType<string>(info.message); expectType<string | undefined>(info.protocol); });
ws.on('message', (err, data) => expectType<string | ArrayBuffer>(data));
ws.on('close', (err, result) => { expectType<number>(result.code); expectType<string>(result.reason); });
ws.on('error', (err) => { expectType<number>(err.code); expectType<string>(err.message); });
ws.on('dataEnd', () => {});
ws.on('headerReceive', (headers) => expectType<webSocket.ResponseHeaders>(headers));
ws.off('open');
ws.off('openInfo', (err: BusinessError, info: webSocket.WebSocketOpenInfo) => {});
ws.off('message', (err: BusinessError, data: string | ArrayBuffer) => {});
ws.off('close');
ws.off('error', (err: BusinessError) => {});
ws.off('dataEnd');
ws.off('headerReceive');

// Static-ArkTS aliases, with the official shapes: onOpen gets the result alone; onMessage and
// onWebSocketClose are AsyncCallbacks (err, value).
ws.onOpen((r) => { expectType<webSocket.OpenResult>(r); expectType<number>(r.status); });
ws.offOpen();
ws.onMessage((err, d) => { expectType<BusinessError>(err); expectType<string | ArrayBuffer>(d); });
ws.offMessage((err: BusinessError, d: string | ArrayBuffer) => {});
ws.onWebSocketClose((err, r) => expectType<webSocket.CloseResult>(r));
ws.offWebSocketClose();
ws.onWebSocketError((e) => expectType<BusinessError>(e));
ws.offWebSocketError();
ws.onDataEnd(() => {});
ws.offDataEnd();
ws.onHeaderReceive((h) => expectType<webSocket.ResponseHeaders>(h));
ws.offHeaderReceive();

// The namespace as types and values; the default-export stand-in for @ohos.net.webSocket.
const options: webSocket.WebSocketRequestOptions = {
  header: { 'x-a': 'b' }, caPath: '/ca.pem', clientCert: { certPath: '/c.pem', keyPath: '/k.pem', keyPassword: 'pw' },
  proxy: 'no-proxy', protocol: 'a, b', skipServerCertVerification: false, pingInterval: 30, pongTimeout: 30,
  minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_3, supportOriginPort: true,
};
const proxies: webSocket.ProxyConfiguration[] = ['system', 'no-proxy', { host: 'p', port: 3128, exclusionList: ['*.local'], username: 'u', password: 'p' }];
const http: webSocket.HttpProxy = { host: 'p', port: 1, exclusionList: [] };
const cert: webSocket.ClientCert = { certPath: 'a', keyPath: 'b' };
const closeOptions: webSocket.WebSocketCloseOptions = {};
const closeResult: webSocket.CloseResult = { code: 1000, reason: '' };
const openResult: webSocket.OpenResult = { status: 101, message: 'Switching Protocols' };
const info: webSocket.WebSocketOpenInfo = { status: 101, message: 'Switching Protocols', protocol: 'chat' };
const tls: webSocket.TlsProtocol = webSocket.TlsProtocol.TLS_V_1_0;
const server: webSocket.WebSocketServer = webSocketDefault.createWebSocketServer();
const config: webSocket.WebSocketServerConfig = { serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 };
const conn: webSocket.WebSocketConnection = { clientIP: '127.0.0.1', clientPort: 1 };
const msg: webSocket.WebSocketMessage = { data: 'x', clientConnection: conn };
const onClose: webSocket.ClientConnectionCloseCallback = (c, r) => console.log(c.clientIP, r.code);
const fromDefault: webSocketDefault.WebSocket = webSocketDefault.createWebSocket();
expectType<Promise<boolean>>(server.start(config));
expectType<webSocket.WebSocketConnection[]>(server.listAllConnections());
console.log(options, proxies, http, cert, closeOptions, closeResult, openResult, info, tls, msg, onClose, fromDefault);

// Base types.
const e = new BusinessError(401, 'Parameter error');
expectType<number>(e.code);
expectType<Error>(e);
const unknownValue: unknown = e;
if (isBusinessError(unknownValue)) expectType<number>(unknownValue.code);
const plain: Callback<string> = (s) => s.length;
const errCb: ErrorCallback = (err) => err.code;
console.log(plain, errCb);

// ---- wrong uses must fail ----
// @ts-expect-error a callback form returns void, not a Promise
const wrong1: Promise<boolean> = ws.connect(url, cb);
// @ts-expect-error connect needs a URL string
ws.connect(8080);
// @ts-expect-error unknown option
ws.connect(url, { nope: true });
// @ts-expect-error protocol is a string
ws.connect(url, { protocol: ['a'] });
// @ts-expect-error proxy must be 'system' | 'no-proxy' | HttpProxy
ws.connect(url, { proxy: 'direct' });
// @ts-expect-error HttpProxy needs exclusionList
ws.connect(url, { proxy: { host: 'p', port: 1 } });
// @ts-expect-error minSupportTlsProtocol is a TlsProtocol
ws.connect(url, { minSupportTlsProtocol: 'TLSv1.3' });
// @ts-expect-error data must be string | ArrayBuffer
ws.send(42);
// @ts-expect-error typed arrays are not ArrayBuffers (docs/behaviour.md#send: 401 at run time)
ws.send(new Uint8Array(1));
// @ts-expect-error a Blob is not accepted
ws.send(new Blob([]));
// @ts-expect-error close options.code is a number
ws.close({ code: '1000' });
// @ts-expect-error message data is string | ArrayBuffer, not number
ws.on('message', (err: BusinessError, value: number) => {});
// @ts-expect-error close result has no "status"
ws.on('close', (err: BusinessError, value: webSocket.CloseResult) => value.status);
// @ts-expect-error unknown event name
ws.on('nope', () => {});
// @ts-expect-error dataEnd callbacks take no error-first arguments
ws.on('dataEnd', (err: BusinessError, value: string) => {});
// @ts-expect-error the static alias callback gets one argument
ws.onOpen((err: BusinessError, value: webSocket.OpenResult) => {});
// @ts-expect-error onMessage data is string | ArrayBuffer
ws.onMessage((err: BusinessError, d: string) => {});
// @ts-expect-error onMessage is an AsyncCallback: its first argument is the error, not the data
ws.onMessage((d: string | ArrayBuffer) => {});
// @ts-expect-error onWebSocketClose is an AsyncCallback: its first argument is the error
ws.onWebSocketClose((r: webSocket.CloseResult) => r.code);
// @ts-expect-error the module has no WebSocket constructor
new webSocket.WebSocket();
// @ts-expect-error TlsProtocol has no TLS_V_2_0
webSocket.TlsProtocol.TLS_V_2_0;
console.log(wrong1);
