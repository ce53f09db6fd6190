// The size baseline: what a page gets from the two libraries the package is built on, bundled for a
// script tag the same way as dist/ohos-websocket.min.js (rollup IIFE + terser, same options).
import WebSocket from 'isomorphic-ws';
import EventEmitter from 'eventemitter3';

export default { WebSocket, EventEmitter };
