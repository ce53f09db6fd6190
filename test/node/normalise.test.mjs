// The core's normalisation and the 801 rule (docs/behaviour.md#connect, §2.4, §8), observed through the public
// transport interface: a recording transport sees exactly the request every transport gets.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webSocket } from 'ohos-websocket';
import { normalise, recordingTransport } from '../helpers/recording-transport.mjs';

describe('the normalised request', () => {
  test('URL: slash before a query, fragment dropped, host and secure flag', async () => {
    const r = await normalise(webSocket, 'WSS://Example.TEST:8443?x=1#f');
    assert.equal(r.url, 'wss://example.test:8443/?x=1');
    assert.equal(r.secure, true);
    assert.equal(r.host, 'example.test');
    assert.equal((await normalise(webSocket, 'ws://[::1]:81/a')).host, '[::1]');
  });

  test('Origin: scheme by ws/wss, port only with supportOriginPort and only when the URL has one', async () => {
    assert.equal((await normalise(webSocket, 'ws://h:81/')).origin, 'http://h');
    assert.equal((await normalise(webSocket, 'wss://h:81/', { supportOriginPort: true })).origin, 'https://h:81');
    assert.equal((await normalise(webSocket, 'wss://h/', { supportOriginPort: true })).origin, 'https://h');
    assert.equal((await normalise(webSocket, 'ws://[::1]:81/', { supportOriginPort: true })).origin, 'http://[::1]:81');
  });

  test('headers lowercased, non-string and empty values dropped; protocols split and trimmed', async () => {
    const r = await normalise(webSocket, 'ws://h/', { header: { 'X-A': 'v', 'X-B': 1, 'X-C': '', 'X-D': null }, protocol: ' a ,b,, c ' });
    assert.deepEqual(r.headers, { 'x-a': 'v' });
    assert.deepEqual(r.protocols, ['a', 'b', 'c']);
    assert.deepEqual((await normalise(webSocket, 'ws://h/')).protocols, []);
  });

  test('empty certificate paths mean "not set"; keyPassword kept; skip flag defaults to false', async () => {
    const r = await normalise(webSocket, 'wss://h/', { caPath: '', clientCert: { certPath: '', keyPath: '' } });
    assert.equal(r.caPath, undefined);
    assert.equal(r.clientCert, undefined);
    assert.equal(r.skipServerCertVerification, false);
  });

  test('proxy: system by default, none for no-proxy and for excluded hosts, http otherwise', async () => {
    assert.deepEqual((await normalise(webSocket, 'ws://h/')).proxy, { kind: 'system' });
    assert.deepEqual((await normalise(webSocket, 'ws://h/', { proxy: 'no-proxy' })).proxy, { kind: 'none' });
    const http = { host: 'p', port: 3128, exclusionList: ['*.internal'] };
    assert.deepEqual((await normalise(webSocket, 'ws://a.internal/', { proxy: http })).proxy, { kind: 'none' });
    assert.deepEqual((await normalise(webSocket, 'ws://h/', { proxy: { ...http, username: 'u', password: 'pw' } })).proxy,
      { kind: 'http', host: 'p', port: 3128, username: 'u', password: 'pw', exclusionList: ['*.internal'] });
  });

  test('minSupportTlsProtocol passes the TlsProtocol value', async () => {
    assert.equal((await normalise(webSocket, 'wss://h/', { minSupportTlsProtocol: webSocket.TlsProtocol.TLS_V_1_2 })).minTlsVersion, 2);
    assert.equal(webSocket.TlsProtocol.TLS_V_1_3, 3);
  });
});

describe('801: an option the transport cannot honour fails before any I/O', () => {
  const none = { headers: false, proxy: false, caPath: false, clientCert: false, keyPassword: false, minTlsVersion: false,
    skipServerCertVerification: false, heartbeat: false, responseHeaders: false, closeCodes: 'application' };
  const rows = [
    [{ header: { 'x-a': 'b' } }, /option "header"/],
    [{ proxy: 'no-proxy' }, /option "proxy"/],
    [{ proxy: { host: 'p', port: 1, exclusionList: [] } }, /option "proxy"/],
    [{ caPath: import.meta.filename }, /option "caPath"/],
    [{ clientCert: { certPath: import.meta.filename, keyPath: import.meta.filename } }, /option "clientCert"/],
    [{ minSupportTlsProtocol: 3 }, /minSupportTlsProtocol/],
    [{ skipServerCertVerification: true }, /skipServerCertVerification/],
    [{ pingInterval: 10 }, /heartbeat/],
    [{ pongTimeout: 10 }, /heartbeat/],
  ];
  for (const [options, pattern] of rows) {
    test(`${JSON.stringify(options).replace(import.meta.filename, 'FILE').replace(import.meta.filename, 'FILE')} → 801 naming the option and the transport`, async () => {
      const transport = recordingTransport(none);
      const ws = webSocket.createWebSocket({ transport });
      await assert.rejects(ws.connect('wss://h/', options), (e) => e.code === 801 && pattern.test(e.cause) && e.cause.includes('recording') && e.message === 'Capability not supported');
      assert.equal(transport.requests.length, 0, 'the transport was never asked to connect');
    });
  }

  test("what is fine everywhere: proxy 'system', header {}, unset heartbeat options, skipServerCertVerification false", async () => {
    for (const options of [{ proxy: 'system' }, { header: {} }, { header: { 'x-a': 1 } }, {}, { skipServerCertVerification: false }, { pingInterval: undefined }]) {
      const r = await normalise(webSocket, 'ws://h/', options, none);
      assert.ok(r, JSON.stringify(options));
    }
  });

  test('keyPassword needs its own capability; forbidden header names → 801; the finer unsupported() hook → 801', async () => {
    const file = import.meta.filename;
    const enc = { clientCert: { certPath: file, keyPath: file, keyPassword: 'pw' } };
    await assert.rejects(normalise(webSocket, 'wss://h/', enc, { keyPassword: false }), (e) => e.code === 801 && /keyPassword/.test(e.cause));
    await assert.rejects(normalise(webSocket, 'ws://h/', { header: { 'User-Agent': 'x' } }, { forbiddenHeaders: ['user-agent'] }),
      (e) => e.code === 801 && /header "user-agent"/.test(e.cause));
    const transport = { ...recordingTransport(), unsupported: (req) => (req.proxy.kind === 'none' ? 'proxy: no-proxy while http_proxy is set' : undefined) };
    const ws = webSocket.createWebSocket({ transport });
    await assert.rejects(ws.connect('ws://h/', { proxy: 'no-proxy' }), (e) => e.code === 801 && /no-proxy while/.test(e.cause));
  });

  test('a capability without the core part its transport must deliver → 801, never silently skipped', async () => {
    // heartbeat without heartbeatCore: the default heartbeat too (a transport that pings would
    // otherwise silently not ping); pingInterval: 0 turns it off and then connects.
    const noBeat = { ...recordingTransport(), heartbeatCore: undefined };
    for (const options of [{}, { pingInterval: 5 }]) {
      await assert.rejects(webSocket.createWebSocket({ transport: noBeat }).connect('ws://h/', options),
        (e) => e.code === 801 && /heartbeat/.test(e.cause) && /recording transport has the flag but not transport\.heartbeatCore/.test(e.cause), JSON.stringify(options));
    }
    assert.equal(noBeat.requests.length, 0, 'the transport was never asked to connect');
    assert.equal(await webSocket.createWebSocket({ transport: noBeat }).connect('ws://h/', { pingInterval: 0 }), true);
    // fileExists without filesCore: the options that name files are not honoured unchecked.
    const noFileStep = { ...recordingTransport(), fileExists: async () => true, filesCore: undefined };
    await assert.rejects(webSocket.createWebSocket({ transport: noFileStep }).connect('wss://h/', { caPath: '/x' }),
      (e) => e.code === 801 && /option "caPath"/.test(e.cause) && /deliver filesCore/.test(e.cause));
    await assert.rejects(webSocket.createWebSocket({ transport: noFileStep }).connect('wss://h/', { clientCert: { certPath: '/c', keyPath: '/k' } }),
      (e) => e.code === 801 && /option "clientCert"/.test(e.cause));
    assert.equal(noFileStep.requests.length, 0, 'the transport was never asked to connect');
  });

  test('order: URL errors before 801, missing files (2302002) before 801', async () => {
    const transport = { ...recordingTransport(none), fileExists: async () => false };
    const ws = webSocket.createWebSocket({ transport });
    await assert.rejects(ws.connect('nope', { caPath: '/x' }), (e) => e.code === 2302001);
    await assert.rejects(ws.connect('wss://h/', { caPath: '/x' }), (e) => e.code === 2302002);
    const throwing = { ...recordingTransport(), fileExists: () => { throw new Error('no fs'); } };
    await assert.rejects(webSocket.createWebSocket({ transport: throwing }).connect('wss://h/', { caPath: '/x' }), (e) => e.code === 2302002,
      'a fileExists that throws counts as a missing file');
  });
});

describe('the core enforces the subprotocol rule for every transport', () => {
  /** A transport whose handshake "succeeds" with `protocol`, as some stacks report it. */
  const opensWith = (protocol) => {
    const t = { ...recordingTransport(), terminated: 0 };
    t.connect = (request, events) => {
      queueMicrotask(() => events.open({ status: 101, protocol }));
      return { send() {}, close() {}, terminate() { t.terminated++; } };
    };
    return t;
  };
  for (const [chosen, offered, ok] of [['', 'chat', false], ['zzz', 'chat', false], ['b', 'a, b', true], ['', undefined, true]]) {
    test(`offered ${JSON.stringify(offered)}, server chose ${JSON.stringify(chosen)} → ${ok ? 'open' : 'error, socket dropped'}`, async () => {
      const transport = opensWith(chosen);
      const ws = webSocket.createWebSocket({ transport });
      const log = [];
      ws.on('open', () => log.push('open'));
      ws.on('error', (e) => log.push(`error ${e.code} ${e.data}`));
      await ws.connect('ws://h/', offered === undefined ? {} : { protocol: offered });
      await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(log, ok ? ['open'] : ['error 200 0']);
      assert.equal(transport.terminated, ok ? 0 : 1);
      if (!ok) await assert.rejects(ws.send('x'), (e) => e.code === -1, 'the session has ended');
    });
  }
});
