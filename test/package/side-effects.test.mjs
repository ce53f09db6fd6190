// `"sideEffects": false` (package.json) is true for a consumer's bundler: rollup with node-resolve,
// which honours the field, bundles `import { webSocket } from 'ohos-websocket'` with its platform's
// default transport set (the entry's one statement runs because the entry itself binds `webSocket`),
// and `import { BusinessError } from 'ohos-websocket'` without any transport at all.
// docs/behaviour.md#transports-and-capabilities
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';

const root = fileURLToPath(new URL('../..', import.meta.url));
const consumer = mkdtempSync(join(tmpdir(), 'ohos-ws-consumer-'));
mkdirSync(join(consumer, 'node_modules'));
symlinkSync(root, join(consumer, 'node_modules', 'ohos-websocket'), 'dir');
after(() => rmSync(consumer, { recursive: true, force: true }));

const USES_NAMESPACE = "import { webSocket } from 'ohos-websocket';\nglobalThis.__seen = webSocket.capabilities.name;\n";
const USES_ERROR_ONLY = "import { BusinessError } from 'ohos-websocket';\nglobalThis.__seen = new BusinessError(401).code;\n";

/** Bundles `source` as a consumer would for the `condition` platform; returns the code. */
async function bundle(name, source, condition) {
  const input = join(consumer, name);
  writeFileSync(input, source);
  const build = await rollup({
    input,
    plugins: [resolve({ browser: condition === 'browser', exportConditions: [condition] })],
    onwarn: () => {},
  });
  try {
    return (await build.generate({ format: 'es' })).output[0].code;
  } finally {
    await build.close();
  }
}

let runs = 0;
/** Runs a self-contained ES bundle and returns what it stored in `__seen`. */
async function run(code) {
  delete globalThis.__seen;
  // A numbered comment makes each URL new: import() evaluates a URL once.
  await import(`data:text/javascript,${encodeURIComponent(`${code}\n// run ${++runs}`)}`);
  return globalThis.__seen;
}

for (const condition of ['browser', 'deno']) {
  test(`${condition} condition: a bundle that uses the namespace has the ${condition} transport as default`, async () => {
    const code = await bundle(`ns-${condition}.mjs`, USES_NAMESPACE, condition);
    assert.equal(await run(code), condition);
  });

  test(`${condition} condition: a bundle that uses only BusinessError carries no transport`, async () => {
    const code = await bundle(`err-${condition}.mjs`, USES_ERROR_ONLY, condition);
    assert.equal(await run(code), 401);
    assert.doesNotMatch(code, /binaryType|setTransport|createWebSocket/, 'transport or namespace code was kept');
  });
}
