/**
 * The slice of the Deno runtime API this transport uses, declared here because the package builds
 * with Node's TypeScript setup (no Deno types installed). Shapes follow `deno types` of Deno 2.9.6;
 * only what we call is declared, so a mismatch shows up as a type error here and nowhere else.
 */

/** `Deno.createHttpClient` proxy setting (a subset of `Deno.Proxy`). */
export type DenoProxy =
  | { transport?: 'http' | 'https'; url: string; basicAuth?: { username: string; password: string } }
  | { transport: 'tcp'; hostname: string; port: number };

export interface DenoHttpClientOptions {
  caCerts?: string[];
  proxy?: DenoProxy;
  cert?: string;
  key?: string;
}

/** A `Deno.HttpClient`: holds a resource until `close()`. */
export interface DenoHttpClient {
  close(): void;
}

export interface DenoNetAddr {
  transport: 'tcp' | 'udp';
  hostname: string;
  port: number;
}

export interface DenoHttpServer {
  readonly addr: DenoNetAddr;
  readonly finished: Promise<void>;
  shutdown(): Promise<void>;
}

export interface DenoServeOptions {
  port: number;
  hostname: string;
  cert?: string;
  key?: string;
  onListen?: (addr: DenoNetAddr) => void;
  onError?: (error: unknown) => Response | Promise<Response>;
}

export interface DenoServeHandlerInfo {
  readonly remoteAddr: DenoNetAddr;
  /** Settles when the response was delivered; rejects when it could not be (client gone). */
  readonly completed?: Promise<void>;
}

export interface DenoPermissionStatus {
  readonly state: 'granted' | 'denied' | 'prompt';
}

export interface DenoApi {
  createHttpClient(options: DenoHttpClientOptions): DenoHttpClient;
  readTextFileSync(path: string): string;
  stat(path: string): Promise<{ isFile: boolean }>;
  readonly env: { get(name: string): string | undefined };
  readonly permissions: { querySync(desc: { name: 'env'; variable?: string }): DenoPermissionStatus };
  serve(options: DenoServeOptions, handler: (request: Request, info: DenoServeHandlerInfo) => Response | Promise<Response>): DenoHttpServer;
  upgradeWebSocket(request: Request, options?: { protocol?: string; idleTimeout?: number }): { socket: WebSocket; response: Response };
  readonly errors: {
    readonly NotFound: new (...args: never[]) => Error;
    readonly AddrInUse: new (...args: never[]) => Error;
    readonly AddrNotAvailable: new (...args: never[]) => Error;
  };
}

/** Deno's extension of the `WebSocket` constructor: `new WebSocket(url, { headers, protocols, client })`. */
export interface DenoWebSocketOptions {
  protocols?: string[];
  headers?: Record<string, string>;
  client?: DenoHttpClient;
}

export type DenoWebSocketConstructor = new (url: string, options?: DenoWebSocketOptions) => WebSocket;

/** The running Deno namespace. Only called from transport code, so it exists when reached. */
export function deno(): DenoApi {
  const d = (globalThis as { Deno?: DenoApi }).Deno;
  if (!d) throw new Error('the deno transport needs the Deno runtime');
  return d;
}
