// Shared by the Deno-side test files: the peers started by deno.test.mjs (URLs and paths in the
// OHOS_WS_PEERS variable, JSON) and the built Deno entry under test, imported by file URL.
export const peers = JSON.parse(Deno.env.get('OHOS_WS_PEERS') ?? 'null');
if (!peers) throw new Error('run these files through test/deno/deno.test.mjs (it starts the peers)');

export const { webSocket, BusinessError, isBusinessError } = await import(new URL('../../dist/deno/index.js', import.meta.url).href);

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
