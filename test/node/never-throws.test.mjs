// Nothing throws but on/off (docs/behaviour.md#argument-errors), whatever the value: fast-check generates thousands of calls
// to every entry point with hostile values — throwing getters and Proxy traps, revoked Proxies,
// look-alike ArrayBuffers, BigInts, symbols, null-prototype objects — and checks that each call
// returns at once (undefined with a callback, a Promise without), settles exactly once with `true`
// or a BusinessError of a documented code, asynchronously, and that no rejection goes unhandled.
// Clients and servers run on the test kit's in-memory network (ohos-websocket/testing), so valid
// calls really connect and listen without touching the machine's ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { webSocket, isBusinessError } from 'ohos-websocket';
import { createTestNetwork } from 'ohos-websocket/testing';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

const unhandled = [];
process.on('unhandledRejection', (e) => unhandled.push(e));

/* ----------------------------------------- hostile values ----------------------------------------- */
// fast-check inspects the values it generates, and hostile ones would break it: arbitraries produce
// recipes (tagged plain objects) and `make()` builds the real values inside each run.

const TAG = Symbol('recipe');
const boom = () => {
  throw new Error('boom');
};
const revoked = (target) => {
  const r = Proxy.revocable(target, {});
  r.revoke();
  return r.proxy;
};
const trapAll = { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom };
const HOSTILE = {
  lookAlikeArrayBuffer: () => Object.create(ArrayBuffer.prototype),
  proxiedArrayBuffer: () => new Proxy(new ArrayBuffer(4), {}),
  reprototypedUint8Array: () => Object.setPrototypeOf(new Uint8Array(4), ArrayBuffer.prototype),
  arrayBufferWithoutPrototype: () => Object.setPrototypeOf(new ArrayBuffer(2), null), // a real one: valid data
  sharedArrayBuffer: () => new SharedArrayBuffer(2),
  throwingProxy: () => new Proxy({}, trapAll),
  throwingFunctionProxy: () => new Proxy(() => {}, trapAll),
  throwingArrayProxy: () => new Proxy([], trapAll),
  revokedObject: () => revoked({}),
  revokedArray: () => revoked([]),
  revokedFunction: () => revoked(() => {}),
  nullPrototype: () => Object.create(null),
  symbol: () => Symbol('s'),
  bigint: () => 10n,
  hugeBigint: () => -(2n ** 70n),
};
const recipe = (r) => ({ [TAG]: r });

/** Builds the value a recipe describes (anything else is used as generated). */
function make(v) {
  const r = v !== null && typeof v === 'object' ? v[TAG] : undefined;
  if (r === undefined) return v;
  if (typeof r === 'string') return HOSTILE[r]();
  const fields = Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, make(f)]));
  if (r.mode === 'getter') return Object.defineProperty(fields, r.key, { get: boom, enumerable: true });
  if (r.mode === 'proxy') return new Proxy(fields, { get: (t, k) => (k === r.key ? boom() : t[k]) });
  if (r.mode === 'nullPrototype') return Object.assign(Object.create(null), fields);
  return fields;
}

const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withDate: true, maxDepth: 2 });
const value = fc.oneof(anything, fc.constantFrom(...Object.keys(HOSTILE)).map(recipe));

/** Objects with `entries` as fields (valid or hostile values), plain or with a throwing field, or any value. */
const objectOf = (entries) => {
  const keys = Object.keys(entries);
  const fields = fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(entries[k], entries[k], value)])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fields, fc.constantFrom('plain', 'getter', 'proxy', 'nullPrototype'), fc.constantFrom(...keys))
      .map(([f, mode, key]) => recipe({ fields: f, mode, key })) },
    { weight: 1, arbitrary: value },
  );
};

const url = fc.oneof(fc.constantFrom('ws://peer.test/', 'wss://peer.test/x?y', 'ws://', 'hello', '', 'ws://a b/', 'ws://peer.test:70000/'), value);
const connectOptions = objectOf({
  header: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.constant({ authorization: 'Bearer …' })),
  protocol: fc.constantFrom('chat', 'a, b', ''),
  proxy: fc.constantFrom('system', 'no-proxy'),
  caPath: fc.constantFrom('', '/ca.pem'),
  skipServerCertVerification: fc.boolean(),
  pingInterval: fc.integer({ min: -1, max: 40000 }),
  pongTimeout: fc.integer({ min: -1, max: 100 }),
  minSupportTlsProtocol: fc.integer({ min: -1, max: 4 }),
  supportOriginPort: fc.boolean(),
});
const data = fc.oneof(fc.string(), fc.constant(recipe('arrayBufferWithoutPrototype')), value);
const closeOptions = objectOf({ code: fc.oneof(fc.integer({ min: -2000, max: 6000 }), fc.double()), reason: fc.string() });
const serverConfig = objectOf({
  serverIP: fc.constantFrom('127.0.0.1', '::1', '0.0.0.0', 'nope', ''),
  serverPort: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constant(0)),
  maxConcurrentClientsNumber: fc.integer({ min: -1, max: 20 }),
  maxConnectionsForOneClient: fc.integer({ min: -1, max: 20 }),
  protocol: fc.constantFrom('chat', 'a b'),
  serverCert: fc.constant({ certPath: '/c.pem', keyPath: '/k.pem' }),
});
const connection = objectOf({ clientIP: fc.constantFrom('127.0.0.1', '::1'), clientPort: fc.integer({ min: 0, max: 65535 }) });

/* ---------------------------------------------- checks ---------------------------------------------- */

/** Calls `invoke()`: it must not throw; with a callback it must call it once, asynchronously. */
async function outcome(invoke, withCallback) {
  let timer;
  const watchdog = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`never settled: ${invoke}`)), 5000);
  });
  try {
    return await Promise.race([settled(invoke, withCallback), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

async function settled(invoke, withCallback) {
  let calls = 0;
  let args;
  const done = withCallback ? new Promise((resolve) => {
    invoke.callback = (...a) => {
      calls++;
      args = a;
      resolve();
    };
  }) : undefined;
  let returned;
  try {
    returned = invoke(invoke.callback);
  } catch (e) {
    assert.fail(`threw synchronously: ${e?.stack ?? String(e)}`);
  }
  const during = calls;
  if (withCallback) {
    assert.equal(returned, undefined, 'a call with a callback returns undefined');
    assert.equal(during, 0, 'the callback is not called inside the call');
    await done;
    // Once only: give any second call a chance to happen.
    await new Promise((r) => setImmediate(r));
    assert.equal(calls, 1, 'the callback is called exactly once');
    return args[0] === undefined ? { value: args[1] } : { error: args[0] };
  }
  assert.ok(returned instanceof Promise, 'a call without a callback returns a Promise');
  return returned.then((v) => ({ value: v }), (e) => ({ error: e }));
}

function documented(result, codes) {
  if ('value' in result) return assert.equal(result.value, true);
  const e = result.error;
  assert.ok(isBusinessError(e) && e instanceof Error, `a BusinessError, got ${String(e)}`);
  assert.ok(codes.includes(e.code), `code ${e.code} (${e.message}: ${e.cause}) is one of ${codes.join(', ')}`);
  assert.equal(typeof e.cause, 'string');
}

const CONNECT = [401, 2302001, -1, 2302002, 2302003, 801];
const SEND = [401, -1];
const CLOSE = [401, 2302999];
const START = [401, 2302004, 2302005, 2302002, 2302007, 2302999, 801];
const SERVER_SEND = [401, -1, 2302006];
const SERVER_CLOSE = [401, 2302006, 2302999];

const property = (arbs, body) => fc.assert(fc.asyncProperty(...arbs, body), { numRuns: RUNS });

test('client: connect/send/close in every form settle once with true or a documented code; on/off throw only 401', async () => {
  const net = createTestNetwork();
  net.peer('ws://peer.test/', { echo: true });
  try {
    await property([url, connectOptions, data, closeOptions, fc.boolean(), fc.nat(4), value], async (...generated) => {
      const [u, rawOptions, d, rawClose, cb, form, listener] = generated.map(make);
      // A function where options go is the callback (HarmonyOS's overload rule): not this check's subject.
      const options = typeof rawOptions === 'function' ? {} : rawOptions;
      const closeOpts = typeof rawClose === 'function' ? {} : rawClose;
      const ws = webSocket.createWebSocket({ transport: net.transport });
      const connect = [
        (c) => (cb ? ws.connect(u, c) : ws.connect(u)),
        (c) => (cb ? ws.connect(u, options, c) : ws.connect(u, options)),
      ][form % 2];
      documented(await outcome(connect, cb), CONNECT);
      documented(await outcome((c) => (cb ? ws.send(d, c) : ws.send(d)), cb), SEND);
      documented(await outcome((c) => (form > 2 ? (cb ? ws.close(c) : ws.close()) : cb ? ws.close(closeOpts, c) : ws.close(closeOpts)), cb), CLOSE);
      for (const call of [() => ws.on(listener, () => {}), () => ws.on('message', listener), () => ws.off(listener), () => ws.off('open', listener), () => ws.onMessage(listener)]) {
        try {
          call();
        } catch (e) {
          assert.ok(isBusinessError(e) && e.code === 401, `on/off threw ${String(e?.code)}`);
        }
      }
      ws.off('close');
    });
  } finally {
    net.close();
  }
});

test('server: start/send/close/stop settle once with true or a documented code, whatever the config', async () => {
  const net = createTestNetwork();
  try {
    await property([serverConfig, data, connection, closeOptions, fc.boolean()], async (...generated) => {
      const [config, d, conn, closeOpts, twice] = generated.map(make);
      const server = webSocket.createWebSocketServer({ transport: net.transport });
      const started = await outcome(() => server.start(config), false);
      documented(started, START);
      if (twice) documented(await outcome(() => server.start(config), false), START);
      documented(await outcome(() => server.send(d, conn), false), SERVER_SEND);
      documented(await outcome(() => server.close(conn, closeOpts), false), SERVER_CLOSE);
      assert.ok(Array.isArray(server.listAllConnections()));
      documented(await outcome(() => server.stop(), false), [2302999]);
    });
  } finally {
    net.close();
  }
});

test('the factories and the module never throw either', () => {
  fc.assert(fc.property(value, (generated) => {
    const options = make(generated);
    const ws = webSocket.createWebSocket(options);
    const server = webSocket.createWebSocketServer(options);
    assert.equal(typeof ws.connect, 'function');
    assert.equal(typeof server.start, 'function');
    assert.equal(typeof isBusinessError(options), 'boolean');
  }), { numRuns: RUNS });
});

test('no rejection went unhandled', async () => {
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(unhandled, []);
});
