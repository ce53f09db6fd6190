// Shared by the Deno-side test files: the peers started by deno.test.mjs (URLs and paths in the
// OHOS_WS_PEERS variable, JSON) and the built Deno entry under test, imported by file URL.
export const peers = JSON.parse(Deno.env.get('OHOS_WS_PEERS') ?? 'null');
if (!peers) throw new Error('run these files through test/deno/deno.test.mjs (it starts the peers)');

export const { webSocket, BusinessError, isBusinessError, denoTransport, systemProxy } = await import(new URL('../../dist/deno/index.js', import.meta.url).href);

/** Waits for the `close` event of a client: Deno's sanitizers then see no pending op or resource. */
export function closed(ws, ms = 10000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out waiting for close')), ms);
    ws.on('close', (_err, result) => {
      clearTimeout(t);
      resolve(result);
    });
  });
}

/**
 * Deno's sanitizers (2.9.6) do not track `HttpClient`s, so count them: the transport must close
 * every client it creates when the socket ends. Wraps the real API, it does not replace it.
 */
let liveHttpClients = 0;
const createHttpClient = Deno.createHttpClient;
Deno.createHttpClient = (options) => {
  const client = createHttpClient(options);
  liveHttpClients++;
  const close = client.close.bind(client);
  client.close = () => {
    liveHttpClients--;
    close();
  };
  return client;
};
export const httpClientsOpen = () => liveHttpClients;
