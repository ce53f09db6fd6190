// wss: on the Node transport with certificates generated at test time (docs/behaviour.md#connect-options): verification on
// by default, caPath, skipServerCertVerification, hostname checks, mutual TLS (plain and encrypted
// keys), minSupportTlsProtocol, and 2302002 for missing files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:https';
import { webSocket } from 'ohos-websocket';
import * as util from '../conformance/util.mjs';
import { makeCerts } from '../helpers/certs.mjs';
import { startEchoServer } from '../helpers/peers.mjs';

/** Connects; resolves with the first of open / error as ['open', info] or ['error', err]. */
async function attempt(url, options) {
  const ws = webSocket.createWebSocket();
  const log = util.record(ws, ['open', 'error', 'close']);
  assert.equal(await ws.connect(url, options), true);
  await util.until(() => log.length >= 1, 10000, 'open or error');
  if (log[0][0] === 'open') {
    const closed = util.once(ws, 'close');
    await ws.close();
    await closed;
  } else {
    await util.sleep(30);
    assert.deepEqual(log.map(([t]) => t), ['error'], 'a failed handshake gives one error event and no close');
  }
  return log[0];
}

describe('TLS', () => {
  let certs;
  let main, other, mutual, tls12;
  const clientAuth = { certPath: '', keyPath: '' };
  before(async () => {
    certs = makeCerts();
    const tls = (name, extra = {}) => createServer({ key: certs.read(`${name}.key`), cert: certs.read(`${name}.pem`), ...extra });
    main = await startEchoServer({ server: tls('server') });
    other = await startEchoServer({ server: tls('other') });
    mutual = await startEchoServer({ server: tls('server', { ca: certs.read('ca.pem'), requestCert: true, rejectUnauthorized: true }) });
    tls12 = await startEchoServer({ server: tls('server', { maxVersion: 'TLSv1.2' }) });
    clientAuth.certPath = certs.path('client.pem');
    clientAuth.keyPath = certs.path('client.key');
  });
  after(async () => {
    await Promise.all([main, other, mutual, tls12].map((s) => s?.close()));
    certs?.cleanup();
  });

  test('an untrusted certificate fails by default: error {200, "0"}, no close', async () => {
    const [type, err] = await attempt(main.url);
    assert.equal(type, 'error');
    assert.equal(err.code, 200);
    assert.equal(err.data, '0');
    assert.equal(JSON.stringify(err), '{"code":200,"data":"0"}');
    // What a new user needs beyond "failed 200 0": why, and the two ways out.
    assert.match(err.cause, /not trusted.*caPath.*skipServerCertVerification/, err.cause);
  });

  test('caPath makes the test CA trusted; another CA does not', async () => {
    assert.equal((await attempt(main.url, { caPath: certs.path('ca.pem') }))[0], 'open');
    assert.equal((await attempt(main.url, { caPath: certs.path('other-ca.pem') }))[0], 'error');
  });

  test('skipServerCertVerification: true accepts the untrusted certificate', async () => {
    assert.equal((await attempt(main.url, { skipServerCertVerification: true }))[0], 'open');
    assert.equal((await attempt(main.url, { skipServerCertVerification: false }))[0], 'error');
  });

  test('a hostname mismatch is rejected even with a trusted CA, unless verification is skipped', async () => {
    const [type, err] = await attempt(other.url, { caPath: certs.path('ca.pem') });
    assert.equal(type, 'error');
    assert.match(err.cause, /host name/, err.cause);
    assert.equal((await attempt(other.url, { caPath: certs.path('ca.pem'), skipServerCertVerification: true }))[0], 'open');
  });

  test('wss: sends Origin https://host and echoes over TLS', async () => {
    const ws = webSocket.createWebSocket();
    await util.openSocket(ws, main.url, { caPath: certs.path('ca.pem'), supportOriginPort: true });
    const headers = JSON.parse(await util.ask(ws, '__headers__'));
    assert.equal(headers.origin, `https://127.0.0.1:${main.port}`);
    const bin = util.bytes(1, 2, 3);
    assert.deepEqual(await util.ask(ws, bin), bin);
    const closed = util.once(ws, 'close');
    await ws.close();
    await closed;
  });

  test('mutual TLS: refused without a client certificate, accepted with clientCert', async () => {
    const ca = certs.path('ca.pem');
    assert.equal((await attempt(mutual.url, { caPath: ca }))[0], 'error');
    let subject;
    mutual.wss.once('connection', (_s, req) => { subject = req.socket.getPeerCertificate().subject?.CN; });
    assert.equal((await attempt(mutual.url, { caPath: ca, clientCert: clientAuth }))[0], 'open');
    assert.equal(subject, 'test client', 'the server saw our client certificate');
  });

  test('mutual TLS with an encrypted key: keyPassword decrypts it; a wrong or missing password fails with an error event', async () => {
    const ca = certs.path('ca.pem');
    const enc = { certPath: certs.path('client.pem'), keyPath: certs.path('client-enc.key') };
    assert.equal((await attempt(mutual.url, { caPath: ca, clientCert: { ...enc, keyPassword: 's3cret' } }))[0], 'open');
    const [type, err] = await attempt(mutual.url, { caPath: ca, clientCert: { ...enc, keyPassword: 'wrong' } });
    assert.equal(type, 'error');
    assert.equal(err.code, 200);
  });

  test('minSupportTlsProtocol: TLS_V_1_3 against a server capped at TLS 1.2 fails; TLS_V_1_2 works', async () => {
    const ca = certs.path('ca.pem');
    const { TlsProtocol } = webSocket;
    assert.equal((await attempt(tls12.url, { caPath: ca, minSupportTlsProtocol: TlsProtocol.TLS_V_1_3 }))[0], 'error');
    assert.equal((await attempt(tls12.url, { caPath: ca, minSupportTlsProtocol: TlsProtocol.TLS_V_1_2 }))[0], 'open');
    assert.equal((await attempt(main.url, { caPath: ca, minSupportTlsProtocol: TlsProtocol.TLS_V_1_3 }))[0], 'open');
  });

  test('missing certificate files → 2302002 through promise and callback, before any I/O', async () => {
    let upgrades = 0;
    main.server.on('upgrade', () => upgrades++);
    const missing = certs.path('does-not-exist.pem');
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    for (const options of [
      { caPath: missing },
      { caPath: certs.dir }, // a directory is not a certificate file
      { clientCert: { certPath: missing, keyPath: certs.path('client.key') } },
      { clientCert: { certPath: certs.path('client.pem'), keyPath: missing } },
      { caPath: certs.path('ca.pem'), clientCert: { certPath: certs.path('client.pem'), keyPath: missing, keyPassword: 'x' } },
    ]) {
      await assert.rejects(ws.connect(main.url, options), (e) => e.code === 2302002 && e.message.startsWith('Websocket certificate file does not exist'));
      const e = await new Promise((resolve) => ws.connect(main.url, options, (err) => resolve(err)));
      assert.equal(e.code, 2302002);
    }
    // URL errors come first (docs/behaviour.md#connect order), then the file check.
    await assert.rejects(ws.connect('nope', { caPath: missing }), (e) => e.code === 2302001);
    await util.sleep(30);
    assert.deepEqual(log, []);
    assert.equal(upgrades, 0);
  });

  test('a connect during the file check gets 2302003; close() during it ends the attempt', async () => {
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    const first = ws.connect(main.url, { caPath: certs.path('ca.pem') });
    await assert.rejects(ws.connect(main.url), (e) => e.code === 2302003);
    assert.equal(await first, true);
    await util.until(() => log.length === 1, 10000, 'open');
    const closed = util.once(ws, 'close');
    await ws.close();
    await closed;
  });
});

describe('close() while the certificate files are being checked', () => {
  let certs;
  before(() => { certs = makeCerts(); });
  after(() => certs.cleanup());

  test('connect resolves true, close resolves true, then one close event; nothing reaches the network', async () => {
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    // Port 9 on loopback: nothing listens, so any attempt that did start would give an error event.
    const connecting = ws.connect('wss://127.0.0.1:9', { caPath: certs.path('ca.pem') });
    assert.equal(await ws.close({ code: 4100, reason: 'early' }), true);
    await assert.rejects(ws.close(), (e) => e.code === 2302999, 'already closing');
    await assert.rejects(ws.send('x'), (e) => e.code === -1);
    assert.equal(await connecting, true);
    await util.until(() => log.length === 1, 10000, 'close');
    await util.sleep(50);
    assert.deepEqual(log, [['close', { code: 4100, reason: 'early' }]]);
  });

  test('with a missing file: connect rejects 2302002 and the close event still follows close()', async () => {
    const ws = webSocket.createWebSocket();
    const log = util.record(ws, ['open', 'error', 'close']);
    const connecting = ws.connect('wss://127.0.0.1:9', { caPath: certs.path('missing.pem') });
    assert.equal(await ws.close(), true);
    await assert.rejects(connecting, (e) => e.code === 2302002);
    await util.until(() => log.length === 1, 10000, 'close');
    assert.deepEqual(log, [['close', { code: 1000, reason: 'CLOSE_NORMAL' }]]);
    assert.equal(await ws.connect('ws://127.0.0.1:9'), true, 'the object is reusable');
  });
});
