// Issue 10, point 4, on Deno: the Deno transport takes Deno's WebSocket when it is created, so a W3C
// WebSocket polyfill over this API installed as `globalThis.WebSocket` afterwards is never what it
// constructs (that recursed into `Maximum call stack size exceeded`).
import * as A from '../conformance/assert.mjs';
import { EXPECTED, polyfillRoundTrip } from '../helpers/w3c-polyfill.mjs';
import { peers, webSocket } from './peers.deno.mjs';

Deno.test('a polyfill over this API installed as globalThis.WebSocket round-trips through us', async () => {
  A.deepEqual(await polyfillRoundTrip(webSocket, peers.echo), EXPECTED);
});
