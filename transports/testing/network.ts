/**
 * The test network: an address book (scripted peers and listening servers by host and port), the
 * handshake routing between them, and the records of every handshake. `net.transport` (see
 * `transport.ts`) only forwards the contract's calls here.
 */
import { ListenError, NO_CLOSE_FRAME, type ClientRequest, type ClientSocket, type ClientSocketEvents, type ListenRequest, type ListeningServer, type ServerHandlers } from '../../src/transport.js';
import { Clock } from './clock.js';
import { addressOf, hostPort, recordOf, type Address, type HandshakeRecord } from './handshake.js';
import { frameOf, link, type End } from './link.js';
import { acceptOnServer, askServer, type Listener } from './listeners.js';
import { PeerConnection, TestPeer, type PeerOptions } from './peer.js';

const WILDCARDS = new Set(['0.0.0.0', '::']);
/** First port handed out for `serverPort: 0` and for clients' own ports. */
const EPHEMERAL = 49152;

/** Whether a listener bound to `bound` receives traffic for `host` (wildcards take every name). */
function reaches(bound: string, host: string): boolean {
  if (bound === host) return true;
  if (bound === '::') return true;
  return bound === '0.0.0.0' && !host.includes(':');
}

/** The addresses a host name stands for (`localhost` is loopback, as in every hosts file). */
const namesOf = (host: string): string[] => (host === 'localhost' ? ['127.0.0.1', '::1', 'localhost'] : [host]);

interface PeerEntry {
  readonly peer: TestPeer;
  readonly address: Address;
}

export class Network {
  readonly clock: Clock;
  readonly handshakes: HandshakeRecord[] = [];
  private peers: PeerEntry[] = [];
  private listeners: Listener[] = [];
  private nextPort = EPHEMERAL;
  /** Handshakes not answered yet, by their abort function, so `close()` can fail them. */
  private readonly attempts = new Set<(detail: string) => void>();
  /** Every link end the network made, so `close()` can drop what is still open. */
  private readonly ends = new Set<End>();

  constructor(latencyMs: number, private readonly files: ReadonlySet<string> | undefined) {
    this.clock = new Clock(latencyMs);
  }

  fileExists(path: string): boolean {
    return this.files ? this.files.has(path) : true;
  }

  /* ------------------------------------- address book ------------------------------------- */

  addPeer(url: string, options: PeerOptions): TestPeer {
    const address = addressOf(url);
    if (this.peers.some((e) => e.address.host === address.host && e.address.port === address.port && e.address.path === address.path)) {
      throw new Error(`a peer already answers ${url} on this test network`);
    }
    if (this.listeners.some((l) => l.port === address.port && reaches(l.host, address.host))) {
      throw new Error(`a server already listens at ${hostPort(address.host, address.port)} on this test network`);
    }
    const peer = new TestPeer(url, options, (p) => (this.peers = this.peers.filter((e) => e.peer !== p)));
    this.peers.push({ peer, address });
    return peer;
  }

  listen(request: ListenRequest, handlers: ServerHandlers): Promise<ListeningServer> {
    const host = request.host.toLowerCase();
    const taken = (port: number) =>
      this.listeners.some((l) => l.port === port && (l.host === host || WILDCARDS.has(l.host) || WILDCARDS.has(host))) ||
      this.peers.some((e) => e.address.port === port && reaches(host, e.address.host));
    let port = request.port;
    if (port === 0) {
      while (taken(this.nextPort)) this.nextPort++;
      port = this.nextPort++;
    } else if (taken(port)) {
      return Promise.reject(new ListenError('address-in-use', `${hostPort(host, port)} is already in use on the test network`));
    }
    const listener: Listener = { host, port, secure: request.tls !== undefined, handlers };
    this.listeners.push(listener);
    return Promise.resolve({
      port,
      stop: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        return Promise.resolve();
      },
    });
  }

  /** The peer or listener `address` reaches, if any: exact peer path, then any-path peer, then servers. */
  private route(address: Address): PeerEntry | Listener | undefined {
    const names = namesOf(address.host);
    const path = address.path.split('?')[0];
    const peers = this.peers.filter((e) => e.address.port === address.port && names.includes(e.address.host));
    const peer = peers.find((e) => e.address.path.split('?')[0] === path) ?? peers.find((e) => e.address.path === '/');
    if (peer) return peer;
    const exact = this.listeners.find((l) => l.port === address.port && names.includes(l.host));
    return exact ?? this.listeners.find((l) => l.port === address.port && names.some((n) => reaches(l.host, n)));
  }

  /* ---------------------------------------- clients ---------------------------------------- */

  /** Opens a client socket from `clientIP`: the contract's `connect`. */
  connect(request: ClientRequest, events: ClientSocketEvents, clientIP: string): ClientSocket {
    const address = addressOf(request.url);
    const record = recordOf(request, address, clientIP, this.nextPort++, this.handshakes.length + 1);
    this.handshakes.push(record);
    let end: End | undefined;
    let opened = false;
    let done = false;
    let cancel = () => {}; // a scripted peer's delayed answer, while it waits
    const abort = (detail: string) => {
      if (end || done) return;
      cancel();
      fail(0, detail, 'aborted');
    };
    this.attempts.add(abort);
    const fail = (status: number, detail: string, outcome: HandshakeRecord['outcome']) => {
      done = true;
      this.attempts.delete(abort);
      record.outcome = outcome;
      record.status = status;
      this.clock.deliver(() => events.fail(status, detail));
    };
    const open = (client: End, protocol: string, headers: Record<string, string>) => {
      end = client;
      this.attempts.delete(abort);
      this.ends.add(client);
      record.outcome = 'accepted';
      record.status = 101;
      record.protocol = protocol;
      client.events = {
        message: (data) => events.message(data),
        pong: () => events.pong(),
        // A link that ends before the client saw `open` is an attempt that failed.
        closed: (code, reason, clean) => {
          this.ends.delete(client);
          if (!opened) events.fail(0, 'the connection ended during the handshake');
          else if (clean) events.closed(code, reason);
          else events.closed(NO_CLOSE_FRAME, '', 'the link was dropped on the test network');
        },
      };
      const response: Record<string, string> = { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-accept': acceptKey(record) };
      if (protocol) response['sec-websocket-protocol'] = protocol;
      Object.assign(response, headers);
      this.clock.deliver(() => {
        if (client.state !== 'open') return;
        done = opened = true;
        events.open({ status: 101, statusText: 'Switching Protocols', headers: response, protocol });
      });
    };
    const arrive = () => {
      if (done) return;
      const target = this.route(address);
      if (!target) {
        return fail(0, `nothing listens at ${hostPort(address.host, address.port)} on the test network (connection refused)`, 'unreachable');
      }
      const secure = 'peer' in target ? target.address.secure : target.secure;
      if (secure !== record.secure) {
        return fail(0, `${record.secure ? 'wss:' : 'ws:'} to a ${secure ? 'TLS' : 'plain'} endpoint: the handshake cannot succeed`, 'unreachable');
      }
      if ('peer' in target) {
        cancel = this.toPeer(target.peer, record, open, fail);
        return;
      }
      const decision = askServer(target, record);
      if (!decision.accept) return fail(decision.status, `the server refused the handshake with HTTP ${decision.status} (${decision.reason})`, 'refused');
      const [client, server] = link(this.clock);
      this.ends.add(server);
      // The 101 is on its way before the server's `connect` listener can send anything.
      open(client, decision.protocol ?? '', {});
      acceptOnServer(decision, server);
    };
    this.clock.deliver(arrive);
    return {
      send: (data) => end?.send(frameOf(data)),
      close: (code, reason) => end?.close(code, reason),
      ping: () => end?.ping(),
      terminate: () => (end ? end.drop() : abort('the attempt was aborted')),
    };
  }

  /** Hands the handshake to a scripted peer; returns what cancels its answer while it is delayed. */
  private toPeer(
    peer: TestPeer,
    record: HandshakeRecord,
    open: (client: End, protocol: string, headers: Record<string, string>) => void,
    fail: (status: number, detail: string, outcome: HandshakeRecord['outcome']) => void,
  ): () => void {
    peer.handshakes.push(record);
    const answer = peer.answer;
    const respond = () => {
      if (!answer.accept) return fail(answer.status, `the peer refused the handshake with HTTP ${answer.status} ${answer.statusText}`, 'refused');
      const [client, server] = link(this.clock);
      this.ends.add(server);
      const conn = new PeerConnection(record, peer.chooseProtocol(record), server, this.clock);
      const { echo, onMessage } = peer.options;
      server.events = {
        message: (data) => {
          conn.receive(data);
          if (echo) conn.send(data);
          onMessage?.(data, conn);
        },
        ping: () => conn.pings++,
        closed: (code, reason, clean) => {
          this.ends.delete(server);
          conn.finish({ code, reason, clean });
        },
      };
      open(client, conn.protocol, peer.options.headers ?? {});
      peer.connected(conn);
    };
    if (peer.delayMs > 0) return this.clock.after(peer.delayMs, respond);
    respond();
    return () => {};
  }

  /** Fails every handshake under way, drops every link still open, clears every pending timer. */
  close(): void {
    for (const abort of [...this.attempts]) abort('the test network was closed');
    for (const end of [...this.ends]) end.drop();
    this.clock.clear();
  }
}

/** A stand-in `Sec-WebSocket-Accept` (no SHA-1 here; nothing on the test network checks it). */
function acceptKey(record: HandshakeRecord): string {
  return btoa(`test-network:${record.headers['sec-websocket-key']}`).slice(0, 28);
}
