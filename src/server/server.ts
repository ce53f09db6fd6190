/**
 * `webSocket.WebSocketServer` (API 19, docs/behaviour.md#server): the public object. Arguments are checked here,
 * a `Lifetime` is one listening lifetime (start to stop), and the transport only listens and moves bytes.
 */
import { fail, guard, ok, toPromise, TRUE, type Result } from '../bridge.js';
import { unsupported } from '../capabilities.js';
import { businessError, ErrorCode, isBusinessError, paramError, unreadable, type BusinessError } from '../errors.js';
import type { Transport } from '../transport.js';
import type * as T from '../types.js';
import { firstMissingFile } from '../files.js';
import { isObject } from '../is.js';
import { checkPayload, normaliseClose } from '../validate.js';
import { normaliseServerConfig, type ServerPlan } from './config.js';
import { isConnection, keyOf } from './registry.js';
import { ServerListeners } from './listeners.js';
import { beginClose, Lifetime } from './lifetime.js';

type State = 'idle' | 'starting' | 'started' | 'stopping';

/** A transport's listen failure (a `ListenError`, checked by shape so other copies work) → code. */
function listenFailure(e: unknown, plan: ServerPlan): BusinessError {
  if (isBusinessError(e)) return e as BusinessError;
  const reason = isObject(e) ? e.reason : undefined;
  const detail = isObject(e) && typeof e.message === 'string' ? e.message : String(e);
  const where = `${plan.listen.host} port ${plan.listen.port}`;
  switch (reason) {
    case 'address-in-use':
      return businessError(ErrorCode.PORT_OCCUPIED, `${where} is in use; stop the other server or pick another port (0 picks a free one)`);
    case 'bad-address':
      return businessError(ErrorCode.CANNOT_LISTEN_NIC, `${plan.listen.host} is not an address of this machine (${detail})`);
    case 'cert':
      return businessError(ErrorCode.UNKNOWN, `serverCert could not be loaded as PEM certificate and key (${detail})`);
    default:
      return businessError(ErrorCode.UNKNOWN, `cannot listen on ${where} (${detail})`);
  }
}

const badConnection = (method: string) =>
  paramError(`${method} takes a connection { clientIP: string, clientPort: number } from the connect event or listAllConnections()`);

const missing = (c: T.WebSocketConnection) =>
  businessError(ErrorCode.CONNECTION_NOT_EXIST, `no connection from ${keyOf(c.clientIP, c.clientPort)} (never seen, or already closed)`);

/**
 * A HarmonyOS `webSocket.WebSocketServer`. Create it with `webSocket.createWebSocketServer()`.
 *
 * @example
 * const server = webSocket.createWebSocketServer();
 * server.on('connect', (conn) => console.log(`client ${conn.clientIP}:${conn.clientPort}`));
 * server.on('messageReceive', (m) => server.send(m.data, m.clientConnection)); // echo
 * server.on('close', (conn, result) => console.log(result.code, result.reason));
 * await server.start({ serverPort: 8080, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
 */
export class ServerWebSocket extends ServerListeners implements T.WebSocketServer {
  private state: State = 'idle';
  private lifetime: Lifetime | undefined;
  /** The pending `start()`, so a `stop()` issued meanwhile can wait for it. */
  private starting: Promise<boolean> | undefined;

  constructor(private readonly transport: Transport) {
    super();
  }

  /**
   * Starts listening. Resolves `true` once the port is bound.
   *
   * Errors, in this order: 2302999 (already started or stopping), 401 (config not an object),
   * 2302004 (`serverIP` not an IP address, or not one of this machine), 2302005 (`serverPort` not an
   * integer in 0…65535), 401 (`serverCert`/`protocol`/limits of the wrong shape; limits must be
   * positive integers), 801 (the transport has no server mode), 2302002 (certificate or key file
   * missing), 2302007 (port already occupied).
   *
   * @example
   * await server.start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
   * console.log(server.port); // the port actually bound
   */
  start(config: T.WebSocketServerConfig): Promise<boolean> {
    return toPromise(guard(() => this.startResult(config)));
  }

  private startResult(config: unknown): Result<boolean> | Promise<boolean> {
    if (this.state !== 'idle') {
      return fail(businessError(ErrorCode.UNKNOWN, this.state === 'stopping' ? 'the server is stopping; wait for stop() first' : 'the server is already started; stop() it first'));
    }
    const plan = normaliseServerConfig(config);
    if (!plan.ok) return plan;
    if (!this.transport.capabilities.server || typeof this.transport.listen !== 'function') {
      return fail(unsupported('server mode (createWebSocketServer().start())', this.transport.capabilities));
    }
    this.state = 'starting';
    const starting = this.listen(plan.value);
    this.starting = starting;
    return starting;
  }

  private async listen(plan: ServerPlan): Promise<boolean> {
    const lifetime = new Lifetime(this.events, plan);
    try {
      const gone = await firstMissingFile(this.transport, plan.files);
      if (gone !== -1) {
        const name = gone === 0 ? 'certPath' : 'keyPath';
        throw businessError(ErrorCode.CERT_FILE_NOT_FOUND, `serverCert.${name} "${plan.files[gone]}" is not a file`);
      }
      // Set before listening: a handshake can reach the handlers before `listen` resolves.
      this.lifetime = lifetime;
      lifetime.listening = await this.transport.listen!(plan.listen, lifetime);
      this.state = 'started';
      return true;
    } catch (e) {
      this.lifetime = undefined;
      this.state = 'idle';
      throw listenFailure(e, plan);
    } finally {
      this.starting = undefined;
    }
  }

  /**
   * Closes every client with 1001 `server is going away`, frees the port at once, and resolves
   * `true` when the last connection has closed. A `stop()` during `start()` waits for it.
   * Errors: 2302999 (not started).
   *
   * @example
   * await server.stop(); // the port can be bound again right away
   */
  stop(): Promise<boolean> {
    if (this.state === 'starting' && this.starting) {
      return this.starting.then(
        () => this.stop(),
        () => Promise.reject(businessError(ErrorCode.UNKNOWN, 'the server did not start')),
      );
    }
    return toPromise(this.stopResult());
  }

  private stopResult(): Result<boolean> | Promise<boolean> {
    const lifetime = this.lifetime;
    if (this.state !== 'started' || !lifetime) {
      return fail(businessError(ErrorCode.UNKNOWN, this.state === 'stopping' ? 'the server is already stopping' : 'the server is not started'));
    }
    this.state = 'stopping';
    return lifetime.stop().then(() => {
      if (this.lifetime === lifetime) {
        this.lifetime = undefined;
        this.state = 'idle';
      }
      return true;
    });
  }

  /**
   * Sends a text (string) or binary (ArrayBuffer) message to one client.
   * Errors: 401 (data not a string/ArrayBuffer or over 5,242,864 bytes, or a malformed connection),
   * 2302006 (no such connection), -1 (the connection is closing).
   *
   * @example
   * server.on('connect', (conn) => server.send('welcome', conn));
   */
  send(data: string | ArrayBuffer, connection: T.WebSocketConnection): Promise<boolean> {
    // Inline rather than guard(): send is the hot path, and a try costs nothing when nothing throws.
    let outcome: Result<boolean>;
    try {
      outcome = this.sendResult(data, connection);
    } catch (e) {
      outcome = fail(unreadable(e));
    }
    return toPromise(outcome);
  }

  private sendResult(data: unknown, connection: unknown): Result<boolean> {
    const bad = checkPayload(data);
    if (bad) return fail(bad);
    if (!isConnection(connection)) return fail(badConnection('send()'));
    const entry = this.lifetime?.registry.find(connection);
    if (!entry) return fail(missing(connection));
    if (entry.state === 'closing') return fail(businessError(ErrorCode.OTHER, 'the connection is closing'));
    entry.socket.send(data as string | ArrayBuffer);
    return TRUE;
  }

  /**
   * Starts the close handshake with one client; its `close` event follows. When `options` is
   * given it needs both a numeric `code` and a string `reason`; default `{1000, 'CLOSE_NORMAL'}`.
   * A code that cannot be sent is replaced by 1000, a reason over 123 UTF-8 bytes is cut (as the client).
   * Errors: 401 (malformed connection or options), 2302006 (no such connection), 2302999 (already closing).
   *
   * @example
   * server.close(conn, { code: 4000, reason: 'kicked' });
   */
  close(connection: T.WebSocketConnection, options?: T.WebSocketCloseOptions): Promise<boolean> {
    return toPromise(guard(() => this.closeResult(connection, options)));
  }

  private closeResult(connection: unknown, options: unknown): Result<boolean> {
    if (!isConnection(connection)) return fail(badConnection('close()'));
    if (options !== undefined && (!isObject(options) || typeof options.code !== 'number' || typeof options.reason !== 'string')) {
      return fail(paramError('close() options need both a numeric code and a string reason, like { code: 1000, reason: "bye" }'));
    }
    const caps = this.transport.capabilities;
    const close = normaliseClose(options, (caps.serverCloseCodes ?? caps.closeCodes) === 'application');
    if (!close.ok) return close;
    const entry = this.lifetime?.registry.find(connection);
    if (!entry) return fail(missing(connection));
    if (entry.state === 'closing') return fail(businessError(ErrorCode.UNKNOWN, 'the connection is already closing'));
    beginClose(entry, close.value);
    return TRUE;
  }

  /**
   * Every connection accepted and not yet closed, as fresh `{clientIP, clientPort}` objects. It is
   * an array (docs/behaviour.md#deviations); `await server.listAllConnections()` works too.
   *
   * @example
   * for (const conn of server.listAllConnections()) server.send('broadcast', conn);
   */
  listAllConnections(): T.WebSocketConnection[] {
    return this.lifetime?.registry.list() ?? [];
  }

  /**
   * Extension: the port actually bound (useful with `serverPort: 0`); `undefined` unless started.
   *
   * @example
   * await server.start({ serverIP: '127.0.0.1', serverPort: 0, maxConcurrentClientsNumber: 10, maxConnectionsForOneClient: 10 });
   * const url = `ws://127.0.0.1:${server.port}`;
   */
  get port(): number | undefined {
    return this.state === 'started' ? this.lifetime?.listening?.port : undefined;
  }
}

/**
 * Server mode for a listening transport: what it sets as `serverCore` so that
 * `createWebSocketServer()` builds this core's `WebSocketServer` for it.
 *
 * @example
 * export const myTransport: Transport = { capabilities, connect, listen, serverCore };
 */
export const serverCore = (transport: Transport): T.WebSocketServer => new ServerWebSocket(transport);
