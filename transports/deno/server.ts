/**
 * Deno server sockets: `Deno.serve` + `Deno.upgradeWebSocket`. The peer address and the headers are
 * read from the request before the upgrade (they are gone after it), the core is asked before
 * upgrading (a refusal is HTTP 503), and Deno's quirks are absorbed here (found on Deno 2.9.6):
 * - `upgradeWebSocket({protocol})` splits the offered list only on `", "`, so `a,b` made it answer
 *   500: we upgrade without `protocol` and put the core's choice on the 101 response ourselves;
 * - after a failed keep-alive ping (`idleTimeout`) the socket fires `close` twice: reported once;
 * - `shutdown()` must be awaited before the port can be bound again.
 */
import { ListenError, NO_CLOSE_FRAME } from '../../src/transport.js';
import type { HandshakeAccepted, ListeningServer, ListenRequest, ServerHandlers, ServerSocket, ServerSocketEvents } from '../../src/transport.js';
import { deno, type DenoHttpServer, type DenoServeHandlerInfo } from './deno-api.js';

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });

/** A Deno listen error → the fact the core maps (2302007, 2302004, 2302999). */
function listenError(e: unknown): ListenError {
  const d = deno();
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof d.errors.AddrInUse) return new ListenError('address-in-use', detail);
  if (e instanceof d.errors.AddrNotAvailable) return new ListenError('bad-address', detail);
  if (/certificate|private key|pem|tls/i.test(detail)) return new ListenError('cert', detail);
  return new ListenError('other', detail);
}

const asServerSocket = (ws: WebSocket): ServerSocket => ({
  send: (data) => ws.send(data),
  close: (code, reason) => ws.close(code, reason),
  // Deno has no abort for an accepted socket; a close without a code is the quickest end it offers.
  terminate: () => ws.close(),
});

/**
 * Wires one upgraded socket: `accepted` on open, `aborted` if it never opens, one `closed`.
 */
function reportSocket(ws: WebSocket, admitted: HandshakeAccepted, completed: Promise<void>): void {
  ws.binaryType = 'arraybuffer';
  let events: ServerSocketEvents | undefined;
  let ended = false;
  let lastError = '';
  const abort = () => {
    if (events || ended) return;
    ended = true;
    admitted.aborted();
  };
  ws.onopen = () => {
    // Already given up on (its slot released): do not leave it open and unregistered.
    if (ended) return ws.close();
    events = admitted.accepted(asServerSocket(ws));
  };
  ws.onmessage = (e: MessageEvent) => events?.message(e.data as string | ArrayBuffer);
  ws.onerror = (e: Event) => {
    lastError = String((e as ErrorEvent).message ?? '');
  };
  ws.onclose = (e: CloseEvent) => {
    if (!events) return abort();
    if (ended) return; // Deno's second close event after a failed ping
    ended = true;
    // Deno marks a link that ended without a close frame by wasClean (its code is then 0 or 1006).
    events.closed(e.wasClean ? e.code : NO_CLOSE_FRAME, e.reason, lastError);
  };
  // The 101 was never delivered (the client left mid-handshake): no open will follow.
  completed.catch(abort);
}

/**
 * `Transport.listen` on Deno: binds `request.host:request.port` (HTTP, or HTTPS with the PEM files
 * of `request.tls`, which needs `--allow-read`) and upgrades admitted handshakes. `idleTimeout` is
 * Deno's keep-alive: seconds between pings to each client, which is dropped if it does not answer
 * (Deno's default 30; 0 disables).
 */
export function listenDeno(request: ListenRequest, handlers: ServerHandlers, idleTimeout?: number): Promise<ListeningServer> {
  const d = deno();
  const handler = (req: Request, info: DenoServeHandlerInfo): Response => {
    if (req.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return text(426, 'Upgrade Required', { upgrade: 'websocket', connection: 'close' });
    }
    // The address is read before the upgrade: Deno does not keep it reachable afterwards.
    const { hostname, port } = info.remoteAddr;
    const decision = handlers.admit({ ip: hostname, port, protocols: req.headers.get('sec-websocket-protocol') });
    if (!decision.accept) return text(decision.status, decision.reason);
    let upgrade: { socket: WebSocket; response: Response };
    try {
      upgrade = d.upgradeWebSocket(req, idleTimeout === undefined ? undefined : { idleTimeout });
    } catch (e) {
      decision.aborted();
      return text(400, `Bad WebSocket handshake: ${(e as Error).message}`);
    }
    if (decision.protocol) upgrade.response.headers.set('sec-websocket-protocol', decision.protocol);
    reportSocket(upgrade.socket, decision, info.completed ?? new Promise<void>(() => {}));
    return upgrade.response;
  };

  return new Promise((resolve, reject) => {
    let server: DenoHttpServer;
    try {
      const tls = request.tls
        ? { cert: d.readTextFileSync(request.tls.certPath), key: d.readTextFileSync(request.tls.keyPath) }
        : undefined;
      server = d.serve(
        {
          port: request.port,
          hostname: request.host,
          ...tls,
          onListen: () => {}, // Deno prints "Listening on …" otherwise
          onError: (e) => text(500, e instanceof Error ? e.message : 'Internal Server Error'),
        },
        handler,
      );
    } catch (e) {
      reject(e instanceof ListenError ? e : listenError(e));
      return;
    }
    server.finished.catch(() => {});
    resolve({
      port: server.addr.port,
      async stop() {
        // The core has let every close handshake (1001) finish, or its grace run out, before
        // calling this. shutdown() drops whatever is left (a client that never answered) and frees
        // the port once awaited; after it nothing of the server keeps the process alive.
        await server.shutdown();
      },
    });
  });
}
