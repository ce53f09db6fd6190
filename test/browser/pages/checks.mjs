// Input checks shared by the Chromium pages and the Node side, so the same calls are judged the
// same way everywhere. Each `run` gets a `webSocket` namespace and returns what happened.

/** What a call did: `threw <code>`, `rejected <code>`, `callback <code>`, or `resolved <value>`. */
export async function outcome(fn) {
  let r;
  try {
    r = fn();
  } catch (e) {
    return `threw ${e?.code}`;
  }
  if (r === undefined) return 'returned undefined';
  try {
    const v = await r;
    return typeof v === 'string' && v.startsWith('callback ') ? v : `resolved ${JSON.stringify(v)}`;
  } catch (e) {
    return `rejected ${e?.code}`;
  }
}

/** Callback form → a promise of `callback <code>` / `callback ok <value>`. */
const viaCallback = (call) => new Promise((res) => call((err, v) => res(err ? `callback ${err.code}` : `callback ok ${v}`)));

/** Bad input, with the outcome docs/behaviour.md#argument-errors–§2.6 documents (identical on Node and in the browser). */
export const BAD_INPUTS = [
  ['connect(42)', 'rejected 401', (w) => w.createWebSocket().connect(42)],
  ["connect('hello')", 'rejected 2302001', (w) => w.createWebSocket().connect('hello')],
  ["connect('')", 'rejected 2302001', (w) => w.createWebSocket().connect('')],
  ["connect('http://127.0.0.1:1')", 'rejected 2302001', (w) => w.createWebSocket().connect('http://127.0.0.1:1')],
  ["connect('ws://')", 'rejected -1', (w) => w.createWebSocket().connect('ws://')],
  ['connect(url, {protocol: 1})', 'rejected 401', (w) => w.createWebSocket().connect('ws://127.0.0.1:1', { protocol: 1 })],
  ['connect(url, {proxy: null})', 'rejected 401', (w) => w.createWebSocket().connect('ws://127.0.0.1:1', { proxy: null })],
  ['connect(url, null, cb)', 'callback 401', (w) => viaCallback((cb) => w.createWebSocket().connect('ws://127.0.0.1:1', null, cb))],
  ["send('x') before connect", 'rejected -1', (w) => w.createWebSocket().send('x')],
  ['send(Uint8Array)', 'rejected 401', (w) => w.createWebSocket().send(new Uint8Array(2))],
  ['send(42, cb)', 'callback 401', (w) => viaCallback((cb) => w.createWebSocket().send(42, cb))],
  ['close() before connect', 'rejected 2302999', (w) => w.createWebSocket().close()],
  ['close(null)', 'rejected 401', (w) => w.createWebSocket().close(null)],
  ["close({code: 'x'})", 'rejected 2302999', (w) => w.createWebSocket().close({ code: 'x' })], // read leniently (docs/behaviour.md#close): no session → 2302999
  ["on(1, fn)", 'threw 401', (w) => w.createWebSocket().on(1, () => {})],
  ["on('open', 'nope')", 'threw 401', (w) => w.createWebSocket().on('open', 'nope')],
  ['off(null)', 'threw 401', (w) => w.createWebSocket().off(null)],
  ["on('no-such-event', fn)", 'returned undefined', (w) => w.createWebSocket().on('no-such-event', () => {})],
];

/** Options a standard WebSocket cannot honour: each → 801 naming the option (docs/behaviour.md#unsupported-options-801). */
export const UNSUPPORTED = [
  ['header', { header: { 'x-custom': '1' } }, 'header'],
  ["proxy: 'no-proxy'", { proxy: 'no-proxy' }, 'proxy'],
  ['proxy: HttpProxy', { proxy: { host: '127.0.0.1', port: 3128, exclusionList: [] } }, 'proxy'],
  ['caPath', { caPath: '/etc/ssl/certs/ca-certificates.crt' }, 'caPath'],
  ['clientCert', { clientCert: { certPath: '/client.pem', keyPath: '/client.key' } }, 'clientCert'],
  ['minSupportTlsProtocol', { minSupportTlsProtocol: 2 }, 'minSupportTlsProtocol'],
  ['skipServerCertVerification', { skipServerCertVerification: true }, 'skipServerCertVerification'],
  ['pingInterval', { pingInterval: 10 }, 'pingInterval'],
  ['pongTimeout', { pongTimeout: 5 }, 'pongTimeout'],
];

/** Options that are fine everywhere, the browser included (docs/behaviour.md#unsupported-options-801 exceptions, "not set" values). */
export const ACCEPTED = [
  ["proxy: 'system'", { proxy: 'system' }],
  ['header: {}', { header: {} }],
  ["header with only empty values (dropped)", { header: { 'x-a': '' } }],
  ['skipServerCertVerification: false', { skipServerCertVerification: false }],
  ['supportOriginPort: true', { supportOriginPort: true }],
  ["caPath: ''", { caPath: '' }],
  ["clientCert with empty paths", { clientCert: { certPath: '', keyPath: '' } }],
  ['pingInterval: 0, pongTimeout: 0', { pingInterval: 0, pongTimeout: 0 }],
];

/** Runs every list against `webSocket`; `echo` is a live peer for the accepted options. */
export async function runChecks(webSocket, echo) {
  const bad = [];
  for (const [name, , run] of BAD_INPUTS) bad.push([name, await outcome(() => run(webSocket))]);
  const unsupported = [];
  for (const [name, options] of UNSUPPORTED) {
    const ws = webSocket.createWebSocket();
    try {
      await ws.connect(echo, options);
      unsupported.push([name, 'resolved', '']);
      await ws.close().catch(() => {});
    } catch (e) {
      unsupported.push([name, e?.code, e?.message, e?.cause]);
    }
  }
  const accepted = [];
  for (const [name, options] of ACCEPTED) {
    const ws = webSocket.createWebSocket();
    const opened = new Promise((res) => { ws.on('open', (_e, v) => res(v.status)); ws.on('error', (e) => res(`error ${e.code}`)); });
    const result = await outcome(() => ws.connect(echo, options));
    const status = result === 'resolved true' ? await opened : undefined;
    if (result === 'resolved true') {
      const closed = new Promise((res) => ws.on('close', (_e, v) => res(v)));
      await ws.close();
      await closed;
    }
    accepted.push([name, result, status]);
  }
  const server = await outcome(() =>
    webSocket.createWebSocketServer().start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 }));
  let serverMessage = '';
  await webSocket.createWebSocketServer()
    .start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 })
    .then(() => {}, (e) => { serverMessage = e?.cause; });
  return { bad, unsupported, accepted, server, serverMessage };
}
