/**
 * `ohos-websocket/testing`: HarmonyOS WebSocket code under unit test, with no device and no network.
 *
 * `createTestNetwork()` gives an in-memory network and `net.transport`, a transport of the public
 * contract with every capability. Clients and servers created on it run the real core (validation,
 * events, payloads, codes, heartbeat); scripted peers stand in for servers you do not want to
 * write; records show what clients sent. Delivery is deterministic and fake-timer friendly (see
 * `clock.ts` and the README section "Testing HarmonyOS WebSocket code").
 *
 * @example
 * import { webSocket } from 'ohos-websocket';
 * import { createTestNetwork } from 'ohos-websocket/testing';
 *
 * const net = createTestNetwork();
 * const peer = net.peer('ws://chat.test/room', { echo: true });
 * const ws = webSocket.createWebSocket({ transport: net.transport });
 * ws.on('message', (err, data) => console.log(data)); // 'hello'
 * await ws.connect('ws://chat.test/room');
 * await ws.send('hello');
 * const conn = await peer.nextConnection();
 * console.log(await conn.nextMessage()); // 'hello'
 * net.close();
 *
 * @module ohos-websocket/testing
 */
import { webSocket } from '../../src/namespace.js';
import type { Transport } from '../../src/transport.js';
import type { HandshakeRecord } from './handshake.js';
import { Network } from './network.js';
import type { PeerOptions, TestPeer } from './peer.js';
import { testCapabilities, testTransport } from './transport.js';

export type { HandshakeRecord } from './handshake.js';
export type { Frame } from './link.js';
export { PeerConnection, TestPeer, type PeerClose, type PeerOptions, type ProtocolPolicy } from './peer.js';
export { testCapabilities };

/** Options of `createTestNetwork`. */
export interface TestNetworkOptions {
  /**
   * Milliseconds each frame and handshake step takes, through the global `setTimeout` (so fake
   * timers drive it). Default 0: each delivery is a Promise job of its own, in send order.
   */
  latency?: number;
  /**
   * Paths that exist for the certificate checks (`caPath`, `clientCert`, `serverCert`, error
   * 2302002). Default: every path exists, since no TLS happens.
   */
  files?: Iterable<string>;
  /** The address servers see clients connect from (`clientIP`). Default `'127.0.0.1'`. */
  clientIP?: string;
}

/** Where `install()` makes the network the default transport: a `webSocket` namespace object. */
export interface TransportTarget {
  readonly transport: Transport;
  setTransport(transport: Transport): void;
}

/** An in-memory network. Create one per test with `createTestNetwork()`; `close()` it after. */
export interface TestNetwork {
  /**
   * The transport of this network, with every capability, for clients and servers:
   * `webSocket.createWebSocket({ transport: net.transport })`,
   * `webSocket.createWebSocketServer({ transport: net.transport })`.
   */
  readonly transport: Transport;
  /**
   * A transport of this network whose clients connect from another address, e.g. to test a
   * server's `maxConcurrentClientsNumber` (clients are counted by IP).
   */
  transportFrom(clientIP: string): Transport;
  /**
   * A scripted peer answering `url` (`ws:` or `wss:`; host and port, and the path unless it is `/`).
   * It accepts every handshake until told otherwise (`refuse`, `delay`). Throws when something
   * already answers that address.
   *
   * @example
   * const peer = net.peer('wss://api.example.com/feed', { protocol: 'v2' });
   * peer.refuse(401, 'Unauthorized'); // the next handshakes fail: error {200, data '401'}
   */
  peer(url: string, options?: PeerOptions): TestPeer;
  /** Every handshake any client of this network attempted, oldest first, with its outcome. */
  readonly handshakes: readonly HandshakeRecord[];
  /**
   * Makes this network the default transport of `target` (default: the package's `webSocket`),
   * so code that calls `webSocket.createWebSocket()` itself runs on it. Returns the undo function;
   * `uninstall()` and `close()` undo it too.
   *
   * @example
   * const undo = net.install();
   * // ... code under test creates its own sockets ...
   * undo();
   */
  install(target?: TransportTarget): () => void;
  /** Gives the default transport back to what it was before `install()` (no effect otherwise). */
  uninstall(): void;
  /** Resolves once every delivery already under way (and what it causes) has happened; timers are not awaited. */
  flush(): Promise<void>;
  /**
   * Ends the test: fails every handshake still under way (`error` `{200, data: '0'}`), drops every
   * link still open (both sides see an abnormal closure, reported in Promise jobs), clears every
   * pending timer of the network, and undoes `install()`. Nothing of the network is left running
   * afterwards; peers and servers stay, so the network can still be used.
   */
  close(): void;
}

/**
 * Creates an in-memory network for one test.
 *
 * @example
 * const net = createTestNetwork();
 * const undo = net.install(); // webSocket.createWebSocket() now connects through `net`
 * net.peer('ws://127.0.0.1:8080').refuse(503);
 */
export function createTestNetwork(options: TestNetworkOptions = {}): TestNetwork {
  const latency = options.latency ?? 0;
  if (typeof latency !== 'number' || !(latency >= 0)) throw new TypeError(`latency must be a number of milliseconds ≥ 0, got ${String(latency)}`);
  const network = new Network(latency, options.files === undefined ? undefined : new Set(options.files));
  const transport = testTransport(network, options.clientIP ?? '127.0.0.1');
  let undo: (() => void) | undefined;
  const net: TestNetwork = {
    transport,
    transportFrom: (clientIP) => testTransport(network, clientIP),
    peer: (url, peerOptions = {}) => network.addPeer(url, peerOptions),
    handshakes: network.handshakes,
    install(target: TransportTarget = webSocket) {
      net.uninstall();
      const previous = target.transport;
      target.setTransport(transport);
      const mine = () => {
        undo = undefined;
        if (target.transport === transport) target.setTransport(previous);
      };
      undo = mine;
      return () => {
        if (undo === mine) mine();
      };
    },
    uninstall: () => undo?.(),
    flush: () => network.clock.flush(),
    close() {
      net.uninstall();
      network.close();
    },
  };
  return net;
}
