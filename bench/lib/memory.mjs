// Memory of this process after a full collection: the figures per-connection memory is computed from.

const settle = () => new Promise((r) => setTimeout(r, 50));

/** Collects garbage a few times (needs --expose-gc) and returns the heap and RSS figures in bytes. */
export async function memory() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc?.();
    await settle();
  }
  const m = process.memoryUsage();
  // JS heap plus memory outside it that JS objects own (Buffers, ArrayBuffers): what connections cost.
  return { heap: m.heapUsed, external: m.external, total: m.heapUsed + m.external, rss: m.rss };
}
