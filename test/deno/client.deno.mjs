// Deno-specific client behaviour against the foreign peers deno.test.mjs started: headers reaching
// the server, TLS with generated certificates, proxies, 801 answers, the HTTP status of a refused
// handshake. Deno's resource and op sanitizers stay on, so every test also proves that no socket or
// HttpClient outlives its session.
import * as A from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { closed, denoTransport, httpClientsOpen, peers, systemProxy, webSocket } from './peers.deno.mjs';
import { decideSystemProxy, SYSTEM_PROXY_CASES } from '../helpers/system-proxy.mjs';

const { certs } = peers;

/** Connects, waits for open, echoes one message, closes, waits for close. */
async function echoOnce(url, options) {
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error']);
  await ws.connect(url, options);
  await util.until(() => log.length > 0, 10000, 'open or error');
  A.deepEqual(log.map(([t]) => t), ['open'], `expected open, got ${log[0][0]} ${log[0][1]?.cause ?? ''}`);
  A.equal(await util.ask(ws, 'hi'), 'hi');
  const done = closed(ws);
  await ws.close();
  const result = await done;
  A.equal(httpClientsOpen(), 0, 'the HttpClient was closed with the socket');
  return result;
}

/** Connects and expects only an error event; returns it. */
async function failsWith(url, options) {
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error', 'close']);
  A.equal(await ws.connect(url, options), true);
  await util.until(() => log.length > 0, 10000, 'error');
  await util.sleep(20);
  A.deepEqual(log.map(([t]) => t), ['error']);
  A.equal(log[0][1].code, 200);
  A.equal(httpClientsOpen(), 0, 'the HttpClient was closed after the failure');
  return log[0][1];
}

Deno.test('capabilities describe the deno transport', () => {
  const c = webSocket.capabilities;
  A.equal(c.name, 'deno');
  A.deepEqual([c.headers, c.proxy, c.caPath, c.clientCert, c.keyPassword, c.server], [true, true, true, true, true, true]);
  A.deepEqual([c.skipServerCertVerification, c.heartbeat, c.responseHeaders, c.minTlsVersion], [false, false, false, false]);
  A.deepEqual([...c.forbiddenHeaders], ['user-agent', 'host']);
  A.equal(c.closeCodes, 'application');
});

Deno.test('header entries and the Origin reach the server; no headerReceive on Deno', async () => {
  const ws = webSocket.createWebSocket();
  let headerEvents = 0;
  ws.on('headerReceive', () => headerEvents++);
  await util.openSocket(ws, peers.echo, { header: { 'X-Token': 'abc', 'x-empty': '', authorization: 'Bearer t' } });
  const seen = JSON.parse(await util.ask(ws, '__headers__'));
  A.equal(seen['x-token'], 'abc');
  A.equal(seen.authorization, 'Bearer t');
  A.equal('x-empty' in seen, false, 'an empty value is dropped');
  A.ok(/^http:\/\/127\.0\.0\.1/.test(seen.origin), `origin ${seen.origin}`);
  A.equal(headerEvents, 0);
  const done = closed(ws);
  await ws.close();
  await done;
});

Deno.test('801 for what Deno cannot do per socket, naming the option and the transport', async () => {
  const ws = webSocket.createWebSocket();
  const proxy = { host: '127.0.0.1', port: peers.proxyPort, exclusionList: [] };
  const requests = [
    [peers.echo, { header: { 'user-agent': 'x' } }, 'user-agent'],
    [peers.echo, { header: { Host: 'example.test' } }, 'host'],
    [peers.tls, { skipServerCertVerification: true }, 'skipServerCertVerification'],
    [peers.echo, { pingInterval: 5 }, 'heartbeat'],
    [peers.tls, { minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_2 }, 'minSupportTlsProtocol'],
    [peers.echo, { proxy }, 'ws: URL'],
  ];
  for (const [url, options, what] of requests) {
    const e = await A.rejectsWith(ws.connect(url, options), 801, `${what}: expected 801`);
    A.ok(e.cause.includes(what) && e.cause.includes('deno'), e.cause);
  }
  // Nothing was started: the object has no session.
  await A.rejectsWith(ws.close(), 2302999);
});

Deno.test('a missing certificate file is 2302002 before any I/O', async () => {
  const ws = webSocket.createWebSocket();
  await A.rejectsWith(ws.connect(peers.tls, { caPath: `${certs.ca}.missing` }), 2302002);
  await A.rejectsWith(ws.connect(peers.mtls, { clientCert: { certPath: certs.clientCert, keyPath: '/nonexistent/key.pem' } }), 2302002);
});

Deno.test('wss: caPath trusts the generated CA (IP and DNS names)', async () => {
  A.deepEqual(await echoOnce(peers.tls, { caPath: certs.ca }), { code: 1000, reason: 'CLOSE_NORMAL' });
  await echoOnce(peers.tlsLocalhost, { caPath: certs.ca });
});

Deno.test('wss: an untrusted server certificate is an error event, no open', async () => {
  await failsWith(peers.tls);
  await failsWith(peers.tls, { caPath: certs.otherCa });
});

Deno.test('wss: clientCert for mutual TLS; without it the server refuses', async () => {
  await echoOnce(peers.mtls, { caPath: certs.ca, clientCert: { certPath: certs.clientCert, keyPath: certs.clientKey } });
  await failsWith(peers.mtls, { caPath: certs.ca });
});

Deno.test('wss: an encrypted PKCS#8 client key with keyPassword works; a wrong password or a legacy PEM is an error event', async () => {
  const clientCert = { certPath: certs.clientCert, keyPath: certs.clientKeyEncrypted, keyPassword: 's3cret' };
  await echoOnce(peers.mtls, { caPath: certs.ca, clientCert });
  const wrong = await failsWith(peers.mtls, { caPath: certs.ca, clientCert: { ...clientCert, keyPassword: 'nope' } });
  A.ok(/keyPassword|key/i.test(String(wrong.cause)), String(wrong.cause));
  const legacy = await failsWith(peers.mtls, { caPath: certs.ca, clientCert: { ...clientCert, keyPath: certs.clientKeyLegacyEncrypted } });
  A.ok(String(legacy.cause).includes('openssl pkcs8'), String(legacy.cause));
  for (const keyPath of certs.clientKeyVariants) await echoOnce(peers.mtls, { caPath: certs.ca, clientCert: { ...clientCert, keyPath } });
  // A password for a key that is not encrypted is ignored, as on Node.
  await echoOnce(peers.mtls, { caPath: certs.ca, clientCert: { ...clientCert, keyPath: certs.clientKey } });
});

Deno.test('close() while an encrypted key is being decrypted aborts the attempt: close event, nothing opened', async () => {
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error', 'close']);
  await ws.connect(peers.mtls, { caPath: certs.ca, clientCert: { certPath: certs.clientCert, keyPath: certs.clientKeyEncrypted, keyPassword: 's3cret' } });
  await ws.close();
  await util.until(() => log.length > 0, 10000, 'close');
  await util.sleep(50);
  A.deepEqual(log, [['close', { code: 1000, reason: 'CLOSE_NORMAL' }]]);
  A.equal(httpClientsOpen(), 0);
});

Deno.test('wss: through an HTTP CONNECT proxy with Basic auth; wrong credentials fail', async () => {
  const proxy = { host: '127.0.0.1', port: peers.proxyPort, username: 'user', password: 'pass', exclusionList: [] };
  await echoOnce(peers.tlsLocalhost, { caPath: certs.ca, proxy });
  await failsWith(peers.tlsLocalhost, { caPath: certs.ca, proxy: { ...proxy, password: 'wrong' } });
});

Deno.test('proxy exclusionList and no-proxy go direct (a dead proxy port proves it)', async () => {
  const dead = { host: '127.0.0.1', port: new URL(peers.refused).port | 0, exclusionList: ['localhost', '*.example.test'] };
  await echoOnce(peers.tlsLocalhost, { caPath: certs.ca, proxy: dead });
  await failsWith(peers.tls, { caPath: certs.ca, proxy: dead }); // 127.0.0.1 is not excluded
  await echoOnce(peers.echo, { proxy: 'no-proxy' });
  await echoOnce(peers.echo.replace('127.0.0.1', 'localhost'), { proxy: { ...dead, exclusionList: ['localhost'] } });
});

Deno.test("proxy env variables: 'no-proxy' ws: bypasses them; wss: cannot → 801", async () => {
  const dead = `http://127.0.0.1:${new URL(peers.refused).port}`;
  Deno.env.set('HTTPS_PROXY', dead);
  Deno.env.set('NO_PROXY', 'example.test');
  try {
    const ws = webSocket.createWebSocket();
    const e = await A.rejectsWith(ws.connect(peers.tls, { caPath: certs.ca, proxy: 'no-proxy' }), 801);
    A.ok(e.cause.includes('environment'), e.cause);
    Deno.env.set('NO_PROXY', '127.0.0.1');
    // no_proxy names the host: nothing to bypass, so it connects (directly).
    await echoOnce(peers.tls, { caPath: certs.ca, proxy: 'no-proxy' });
  } finally {
    Deno.env.delete('HTTPS_PROXY');
    Deno.env.delete('NO_PROXY');
  }
});

Deno.test("proxy 'system': the core decides from the variables the Deno transport reports (no_proxy rules, lower case winning)", async () => {
  A.equal(denoTransport.proxyCore.system, systemProxy, "the Deno transport delivers the core's rule");
  for (const c of SYSTEM_PROXY_CASES) {
    A.equal(await decideSystemProxy(webSocket, denoTransport, c.env, c.url), c.expect, c.name);
  }
  // Deno applies all_proxy itself, so its fact reports it, and the scheme's variable wins over it.
  const all = 'http://all.test:1';
  A.equal(await decideSystemProxy(webSocket, denoTransport, { ALL_PROXY: all }, 'wss://a.test/'), all);
  A.equal(await decideSystemProxy(webSocket, denoTransport, { all_proxy: all, HTTPS_PROXY: 'http://s.test:1' }, 'wss://a.test/'), 'http://s.test:1');
  Deno.env.set('ALL_PROXY', all);
  try {
    A.equal(denoTransport.proxyVariable('ALL_PROXY'), all);
  } finally {
    Deno.env.delete('ALL_PROXY');
  }
});

Deno.test('a refused handshake reports its HTTP status in the error data', async () => {
  const e = await failsWith(peers.refuse403);
  A.equal(e.data, '403');
  A.equal((await failsWith(peers.refused)).data, '0');
});

Deno.test('close codes Deno cannot send are mapped to 1000, and the event reports what was sent', async () => {
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, peers.echo);
  let done = closed(ws);
  await ws.close({ code: 1001, reason: 'away' });
  A.deepEqual(await done, { code: 1000, reason: 'away' });
  await util.openSocket(ws, peers.echo);
  A.equal(await util.ask(ws, '__last_close__'), JSON.stringify({ code: 1000, reason: 'away' }));
  done = closed(ws);
  await ws.close({ code: 4321, reason: 'é'.repeat(70) }); // 140 bytes: cut to fit the frame
  const result = await done;
  A.equal(result.code, 4321);
  A.ok(new TextEncoder().encode(result.reason).length <= 123);
});

Deno.test('close() while connecting aborts the attempt and releases everything', async () => {
  const ws = webSocket.createWebSocket();
  const done = closed(ws);
  await ws.connect(peers.tls, { caPath: certs.ca });
  await ws.close();
  A.deepEqual(await done, { code: 1000, reason: 'CLOSE_NORMAL' });
  A.equal(httpClientsOpen(), 0);
});

Deno.test("the package's Node server as the peer: text and binary echo, close code and reason", async () => {
  const ws = webSocket.createWebSocket();
  await util.openSocket(ws, peers.nodeServer);
  A.equal(await util.ask(ws, 'to node 😀'), 'to node 😀');
  const got = util.once(ws, 'message');
  await ws.send(util.bytes(9, 8, 7));
  A.deepEqual([...new Uint8Array(await got)], [9, 8, 7]);
  const done = closed(ws);
  await ws.close({ code: 4002, reason: 'bye node' });
  A.deepEqual(await done, { code: 4002, reason: 'bye node' });
});
