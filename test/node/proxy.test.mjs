// Proxies on the Node transport (docs/behaviour.md#connect-options) through a real HTTP CONNECT proxy (npm `proxy`) on
// loopback: HttpProxy with and without Basic auth, exclusionList, 'system' from the environment
// (with no_proxy), 'no-proxy'. Environment changes are restored after each test.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createProxy } from 'proxy';
import { webSocket, bypassesProxy, systemProxy } from 'ohos-websocket';
import { nodeTransport } from 'ohos-websocket/transports/node';
import * as util from '../conformance/util.mjs';
import { makeCerts } from '../helpers/certs.mjs';
import { startEchoServer } from '../helpers/peers.mjs';
import { decideSystemProxy, SYSTEM_PROXY_CASES } from '../helpers/system-proxy.mjs';

const ENV = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];

/** Starts an HTTP proxy on 127.0.0.1; `tunnels` lists the CONNECT targets it was asked for. */
async function startProxy(credentials) {
  const server = createProxy(createServer());
  const tunnels = [];
  server.on('connect', (req) => tunnels.push(req.url));
  if (credentials) {
    const expected = `Basic ${Buffer.from(credentials).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    port, tunnels, url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

/** Connects, echoes once, closes; returns the events seen (['open'] path or ['error', err]). */
async function roundTrip(url, options) {
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error', 'close']);
  assert.equal(await ws.connect(url, options), true);
  await util.until(() => log.length >= 1, 10000, 'open or error');
  if (log[0][0] !== 'open') {
    await util.sleep(30);
    return log;
  }
  assert.equal(await util.ask(ws, 'through'), 'through');
  await ws.close();
  await util.until(() => log.length === 2, 10000, 'close');
  return log;
}

describe('proxy', () => {
  let echo, secure, certs, open, authed;
  const saved = {};
  before(async () => {
    for (const k of ENV) saved[k] = process.env[k];
    certs = makeCerts();
    echo = await startEchoServer();
    secure = await startEchoServer({ server: createHttpsServer({ key: certs.read('server.key'), cert: certs.read('server.pem') }) });
    open = await startProxy();
    authed = await startProxy('user:p@ss word');
  });
  afterEach(() => {
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  after(async () => {
    await Promise.all([echo, secure, open, authed].map((s) => s?.close()));
    certs?.cleanup();
  });
  const clearEnv = () => { for (const k of ENV) delete process.env[k]; };
  const target = (server) => `127.0.0.1:${server.port}`;

  test('HttpProxy: ws: goes through a CONNECT tunnel', async () => {
    clearEnv();
    const before = open.tunnels.length;
    const log = await roundTrip(echo.url, { proxy: { host: '127.0.0.1', port: open.port, exclusionList: [] } });
    assert.deepEqual(log.map(([t]) => t), ['open', 'close']);
    assert.deepEqual(open.tunnels.slice(before), [target(echo)]);
  });

  test('HttpProxy: wss: tunnels and then verifies TLS end to end', async () => {
    clearEnv();
    const before = open.tunnels.length;
    const proxy = { host: '127.0.0.1', port: open.port, exclusionList: [] };
    assert.deepEqual((await roundTrip(secure.url, { proxy, caPath: certs.path('ca.pem') })).map(([t]) => t), ['open', 'close']);
    assert.equal((await roundTrip(secure.url, { proxy }))[0][0], 'error', 'still untrusted without caPath');
    assert.deepEqual(open.tunnels.slice(before), [target(secure), target(secure)]);
  });

  test('HttpProxy with Basic auth: right credentials pass; wrong or none → error event {200, "407"}', async () => {
    clearEnv();
    const proxy = { host: '127.0.0.1', port: authed.port, exclusionList: [] };
    const ok = await roundTrip(echo.url, { proxy: { ...proxy, username: 'user', password: 'p@ss word' } });
    assert.deepEqual(ok.map(([t]) => t), ['open', 'close']);
    for (const creds of [{ username: 'user', password: 'nope' }, {}]) {
      const log = await roundTrip(echo.url, { proxy: { ...proxy, ...creds } });
      assert.deepEqual(log.map(([t]) => t), ['error'], 'only an error event');
      assert.equal(log[0][1].code, 200);
      assert.equal(log[0][1].data, '407');
    }
    const tls = await roundTrip(secure.url, { proxy: { ...proxy, username: 'user', password: 'nope' }, caPath: certs.path('ca.pem') });
    assert.deepEqual(tls.map(([t]) => t), ['error']);
    assert.equal(tls[0][1].data, '407', 'wss: through a refusing proxy reports 407 too');
  });

  test('exclusionList: a matching host goes direct, a non-matching one through the proxy', async () => {
    clearEnv();
    const before = open.tunnels.length;
    const proxy = (exclusionList) => ({ host: '127.0.0.1', port: open.port, exclusionList });
    await roundTrip(echo.url, { proxy: proxy(['127.0.0.1']) });
    await roundTrip(echo.url, { proxy: proxy(['other.test', '*.example.com']) });
    assert.deepEqual(open.tunnels.slice(before), [target(echo)], 'only the non-excluded attempt was tunnelled');
  });

  test('exclusion rules: exact host, *.domain and .domain suffixes, case-insensitive', () => {
    assert.equal(bypassesProxy('api.example.com', ['api.example.com']), true);
    assert.equal(bypassesProxy('API.Example.com', ['api.example.COM']), true);
    assert.equal(bypassesProxy('a.b.example.com', ['*.example.com']), true);
    assert.equal(bypassesProxy('example.com', ['.example.com']), true);
    assert.equal(bypassesProxy('x.example.com', ['.example.com']), true);
    assert.equal(bypassesProxy('badexample.com', ['*.example.com', '.example.com']), false);
    assert.equal(bypassesProxy('example.org', ['example.com']), false);
    assert.equal(bypassesProxy('anything', ['*']), true);
    assert.equal(bypassesProxy('::1', ['[::1]']), true);
    assert.equal(bypassesProxy('localhost', ['localhost:8080']), true);
    assert.equal(bypassesProxy('host', ['', ' ']), false);
    assert.equal(bypassesProxy('[::1]', ['[::1]:8080']), true);
    assert.equal(bypassesProxy('::1', ['::1']), true);
    assert.equal(bypassesProxy('10.1.2.3', ['10.0.0.0/8']), true);
    assert.equal(bypassesProxy('11.1.2.3', ['10.0.0.0/8']), false);
    assert.equal(bypassesProxy('127.0.0.1', ['127.0.0.0/31']), true);
    assert.equal(bypassesProxy('127.0.0.2', ['127.0.0.0/31']), false);
    assert.equal(bypassesProxy('anything.test', ['0.0.0.0/0']), false, 'CIDR blocks match IP addresses only');
    assert.equal(bypassesProxy('8.8.8.8', ['0.0.0.0/0']), true);
    assert.equal(bypassesProxy('10.0.0.1', ['10.0.0.0/33', '300.0.0.0/8']), false, 'malformed blocks match nothing');
  });

  test("'system' (the default): http_proxy for ws:, https_proxy for wss:", async () => {
    clearEnv();
    const before = open.tunnels.length;
    process.env.http_proxy = open.url;
    await roundTrip(echo.url); // proxy option absent = 'system'
    await roundTrip(echo.url, { proxy: 'system' });
    assert.deepEqual(open.tunnels.slice(before), [target(echo), target(echo)]);
    clearEnv();
    process.env.HTTPS_PROXY = `127.0.0.1:${open.port}`; // upper case, no scheme
    await roundTrip(secure.url, { caPath: certs.path('ca.pem') });
    await roundTrip(echo.url); // ws: ignores https_proxy
    assert.deepEqual(open.tunnels.slice(before + 2), [target(secure)]);
  });

  test("'system': the lower-case variable wins over the upper-case one", async () => {
    clearEnv();
    const before = open.tunnels.length;
    process.env.http_proxy = open.url;
    process.env.HTTP_PROXY = 'http://127.0.0.1:9'; // nothing listens there
    assert.equal((await roundTrip(echo.url))[0][0], 'open');
    assert.equal(open.tunnels.length, before + 1);
  });

  test("'system': hosts matching no_proxy / NO_PROXY go direct", async () => {
    clearEnv();
    const before = open.tunnels.length;
    process.env.http_proxy = open.url;
    process.env.no_proxy = 'other.test, 127.0.0.1';
    await roundTrip(echo.url);
    delete process.env.no_proxy;
    process.env.NO_PROXY = '*';
    await roundTrip(echo.url);
    process.env.NO_PROXY = 'localhost, 127.0.0.0/8';
    await roundTrip(echo.url);
    assert.equal(open.tunnels.length, before, 'no tunnel was opened');
  });

  test("'system' is decided by the core from the variables the Node transport reports (no_proxy rules, lower case winning)", async () => {
    clearEnv();
    assert.equal(nodeTransport.proxyCore.system, systemProxy, "the Node transport delivers the core's rule");
    for (const c of SYSTEM_PROXY_CASES) {
      assert.equal(await decideSystemProxy(webSocket, nodeTransport, c.env, c.url), c.expect, c.name);
    }
  });

  test("'system' on Node: the transport reports http(s)_proxy and no_proxy, not all_proxy (usually SOCKS, which CONNECT cannot use)", async () => {
    clearEnv();
    process.env.ALL_PROXY = 'socks5://127.0.0.1:9';
    process.env.https_proxy = open.url;
    try {
      assert.equal(nodeTransport.proxyVariable('ALL_PROXY'), undefined);
      assert.equal(nodeTransport.proxyVariable('https_proxy'), open.url);
      assert.equal(nodeTransport.proxyVariable('PATH'), undefined, 'nothing but proxy variables');
      assert.deepEqual((await roundTrip(echo.url)).map(([t]) => t), ['open', 'close'], 'ws: goes direct, ALL_PROXY unused');
    } finally {
      delete process.env.ALL_PROXY;
    }
  });

  test("'system' with an unreachable proxy: error event {200}", async () => {
    clearEnv();
    process.env.http_proxy = 'http://127.0.0.1:9';
    const log = await roundTrip(echo.url);
    assert.deepEqual(log.map(([t]) => t), ['error']);
    assert.equal(log[0][1].code, 200);
  });

  test("'no-proxy' connects directly even when proxy variables are set", async () => {
    clearEnv();
    const before = open.tunnels.length;
    process.env.http_proxy = open.url;
    process.env.https_proxy = open.url;
    assert.deepEqual((await roundTrip(echo.url, { proxy: 'no-proxy' })).map(([t]) => t), ['open', 'close']);
    assert.deepEqual((await roundTrip(secure.url, { proxy: 'no-proxy', caPath: certs.path('ca.pem') })).map(([t]) => t), ['open', 'close']);
    assert.equal(open.tunnels.length, before);
  });
});
