// Compiled by test/types/official.test.mjs next to the OFFICIAL declarations of
// `@ohos.net.webSocket` (openharmony/interface_sdk-js, read from a fetched copy, never committed):
// our objects and factories must be assignable to the official interfaces and function types
// (docs/behaviour.md#callbacks-and-promises), and each listener method must accept exactly the callbacks the official one takes.
import official from './@ohos.net.webSocket';
import type { AsyncCallback, BusinessError as OfficialBusinessError } from './@ohos.base';
import { webSocket, BusinessError } from 'ohos-websocket';

// The objects and the factories.
const ws: official.WebSocket = webSocket.createWebSocket();
const server: official.WebSocketServer = webSocket.createWebSocketServer();
const createWebSocket: typeof official.createWebSocket = webSocket.createWebSocket;
const createWebSocketServer: typeof official.createWebSocketServer = webSocket.createWebSocketServer;
// Our errors are the official BusinessError.
const err: OfficialBusinessError<string> = new BusinessError<string>(200, undefined, '0');

type Ours = webSocket.WebSocket;
type Theirs = official.WebSocket;
type OursServer = webSocket.WebSocketServer;
type TheirsServer = official.WebSocketServer;
type Cb<M> = M extends (callback: infer C) => void ? C : M extends (callback?: infer C) => void ? C : never;

/**
 * Method parameters are compared bivariantly, so the object assignment above alone would accept a
 * one-argument `Callback` where the official one takes an `AsyncCallback`. Here each listener
 * method's callback type is compared strictly (as a function type): a callback written against the
 * official declarations must be accepted by ours. (The reverse holds too, except that our
 * `BusinessError` declares `cause` as the string it always is, narrower than `Error`'s `unknown`.)
 */
declare const strict: <T>() => T;

const onMessage: Cb<Ours['onMessage']> = strict<Cb<Theirs['onMessage']>>();
const offMessage: Cb<Ours['offMessage']> = strict<Cb<Theirs['offMessage']>>();
const onClose: Cb<Ours['onWebSocketClose']> = strict<Cb<Theirs['onWebSocketClose']>>();
const offClose: Cb<Ours['offWebSocketClose']> = strict<Cb<Theirs['offWebSocketClose']>>();
const onOpen: Cb<Ours['onOpen']> = strict<Cb<Theirs['onOpen']>>();
const onOpenBack: Cb<Theirs['onOpen']> = strict<Cb<Ours['onOpen']>>();
const onError: Cb<Ours['onWebSocketError']> = strict<Cb<Theirs['onWebSocketError']>>();
const onDataEnd: Cb<Ours['onDataEnd']> = strict<Cb<Theirs['onDataEnd']>>();
const onHeaders: Cb<Ours['onHeaderReceive']> = strict<Cb<Theirs['onHeaderReceive']>>();
const onConnect: Cb<OursServer['onConnect']> = strict<Cb<TheirsServer['onConnect']>>();
const onMessageReceive: Cb<OursServer['onMessageReceive']> = strict<Cb<TheirsServer['onMessageReceive']>>();
const onServerClose: Cb<OursServer['onWebSocketServerClose']> = strict<Cb<TheirsServer['onWebSocketServerClose']>>();
const onServerError: Cb<OursServer['onWebSocketServerError']> = strict<Cb<TheirsServer['onWebSocketServerError']>>();

// Code written against the official types runs against ours.
const fromTheField: AsyncCallback<string | ArrayBuffer> = (e, data) => { if (!e) console.log(data); };
webSocket.createWebSocket().onMessage(fromTheField);
const options: official.WebSocketRequestOptions = { header: { a: 'b' }, protocol: 'chat', proxy: 'system' };
webSocket.createWebSocket().connect('ws://127.0.0.1', options);
const config: official.WebSocketServerConfig = { serverPort: 0, maxConcurrentClientsNumber: 1, maxConnectionsForOneClient: 1 };
webSocket.createWebSocketServer().start(config);

void [ws, server, createWebSocket, createWebSocketServer, err, onMessage,
  offMessage, onClose, offClose, onOpen, onOpenBack, onError, onDataEnd, onHeaders, onConnect,
  onMessageReceive, onServerClose, onServerError];
