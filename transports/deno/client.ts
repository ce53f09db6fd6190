/**
 * Deno client sockets on Deno's native `WebSocket`: headers through its `headers` option, TLS and
 * proxy through a `Deno.createHttpClient` passed as `client` (closed when the socket ends, so no
 * resource outlives it). Translates the socket's events into the facts of the transport contract.
 */
import { failedAttempt, NO_CLOSE_FRAME, type ClientRequest, type ClientSocket, type ClientSocketEvents } from '../../src/transport.js';
import { deno, type DenoHttpClient, type DenoHttpClientOptions, type DenoWebSocketConstructor } from './deno-api.js';
import { decryptKey, isEncryptedKey } from './pkcs8.js';
import { denoProxy } from './proxy.js';

/** Deno reports a refused handshake only in the error text ("Invalid status code: 403"). */
const STATUS = /Invalid status code:? (\d{3})/;

/** The `HttpClient` options a request needs, or `undefined` when Deno's defaults do. Reads files. */
function httpClientOptions(request: ClientRequest): DenoHttpClientOptions | undefined {
  const d = deno();
  const options: DenoHttpClientOptions = {};
  let needed = false;
  if (request.caPath) {
    options.caCerts = [d.readTextFileSync(request.caPath)];
    needed = true;
  }
  if (request.clientCert) {
    options.cert = d.readTextFileSync(request.clientCert.certPath);
    options.key = d.readTextFileSync(request.clientCert.keyPath);
    needed = true;
  }
  const proxy = denoProxy(request);
  if (proxy) {
    options.proxy = proxy;
    needed = true;
  }
  return needed ? options : undefined;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e));

/** Opens the socket with ready `HttpClient` options and reports its life through `events`. */
function open(request: ClientRequest, events: ClientSocketEvents, options: DenoHttpClientOptions | undefined, Ctor: DenoWebSocketConstructor): ClientSocket {
  let client: DenoHttpClient | undefined;
  let ws: WebSocket;
  try {
    if (options) client = deno().createHttpClient(options);
    ws = new Ctor(request.url, {
      protocols: [...request.protocols],
      headers: { origin: request.origin, ...request.headers },
      ...(client ? { client } : {}),
    });
  } catch (e) {
    // A certificate or key Deno cannot parse: a failed attempt.
    client?.close();
    return failed(events, e);
  }
  ws.binaryType = 'arraybuffer';
  let opened = false;
  let lastError = '';
  const release = () => {
    try {
      client?.close();
    } catch {
      // already closed
    }
    client = undefined;
  };
  ws.onopen = () => {
    opened = true;
    // Deno exposes neither the 101 headers nor its reason phrase (capabilities.responseHeaders false).
    events.open({ status: 101, protocol: ws.protocol });
  };
  ws.onmessage = (e: MessageEvent) => {
    if (opened) events.message(e.data as string | ArrayBuffer);
  };
  ws.onerror = (e: Event) => {
    lastError = message(e);
  };
  ws.onclose = (e: CloseEvent) => {
    release();
    if (!opened) {
      const status = STATUS.exec(lastError);
      return events.fail(status ? Number(status[1]) : 0, lastError || 'the connection closed during the handshake');
    }
    // Deno marks a link that ended without a close frame by wasClean (its code is then 0 or 1006).
    events.closed(e.wasClean ? e.code : NO_CLOSE_FRAME, e.reason, lastError);
  };
  return {
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
    // No way to drop a Deno socket without a close handshake; before open, close() aborts it.
    terminate: () => ws.close(),
  };
}

/** A failed attempt, reported asynchronously as the contract asks. */
function failed(events: ClientSocketEvents, e: unknown): ClientSocket {
  return failedAttempt(events, message(e));
}

/** Deno's `WebSocket` class as it is now (the transport takes it once, when it is created). */
export const denoWebSocket = (): DenoWebSocketConstructor => (globalThis as { WebSocket?: unknown }).WebSocket as DenoWebSocketConstructor;

/**
 * Opens a Deno client socket on `Ctor` and reports its life through `events`. `Ctor` was taken when
 * the transport was created, so a later `globalThis.WebSocket` polyfill over this API is never what
 * we construct (docs/behaviour.md).
 */
export function connectDeno(request: ClientRequest, events: ClientSocketEvents, Ctor: DenoWebSocketConstructor = denoWebSocket()): ClientSocket {
  let options: DenoHttpClientOptions | undefined;
  try {
    // Unreadable files or no --allow-read: a failed attempt.
    options = httpClientOptions(request);
  } catch (e) {
    return failed(events, e);
  }
  const password = request.clientCert?.keyPassword;
  if (!password || !options?.key || !isEncryptedKey(options.key)) return open(request, events, options, Ctor);
  // An encrypted key is decrypted (WebCrypto, asynchronous) before Deno sees it.
  let socket: ClientSocket | undefined;
  let aborted = false;
  decryptKey(options.key, password).then(
    (key) => {
      if (aborted) return events.fail(0, 'closed while connecting');
      socket = open(request, events, { ...options, key }, Ctor);
    },
    (e) => events.fail(0, message(e)),
  );
  return {
    // The core only sends and closes after open, which needs `socket`.
    send: (data) => socket?.send(data),
    close: (code, reason) => socket?.close(code, reason),
    terminate: () => (socket ? socket.terminate() : void (aborted = true)),
  };
}
