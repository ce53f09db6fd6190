// Script-tag sizes: dist/ohos-websocket.min.js (built by the project's rollup config) next to
// isomorphic-ws + eventemitter3 bundled the same way from bench/size/baseline-entry.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';

const require = createRequire(import.meta.url);
const here = (rel) => fileURLToPath(new URL(rel, import.meta.url));
export const SCRIPT = here('../../dist/ohos-websocket.min.js');

/** The browser builds of both libraries, as the project's config resolves eventemitter3. */
const browserResolve = {
  name: 'browser-resolve',
  resolveId(id) {
    if (id === 'eventemitter3') return join(dirname(require.resolve('eventemitter3')), 'dist/eventemitter3.esm.js');
    if (id === 'isomorphic-ws') return require.resolve('isomorphic-ws/browser.js');
    return null;
  },
};

const sizes = (code) => ({ min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });

/** Bundles the baseline entry to a minified IIFE in memory and returns its sizes. */
export async function baselineSizes() {
  const bundle = await rollup({ input: here('baseline-entry.mjs'), plugins: [browserResolve], onwarn: () => {} });
  const { output } = await bundle.generate({
    format: 'iife',
    name: 'baseline',
    exports: 'default',
    plugins: [terser({ ecma: 2020, compress: { passes: 2 } })],
  });
  await bundle.close();
  return sizes(output[0].code);
}

/**
 * Whether the script-tag file carries the explanations of docs/behaviour.md#errors: loads it in a fresh context and
 * checks that a parameter error (`connect(42)`) has a string `cause`.
 */
async function carriesCauses(code) {
  try {
    const g = runInNewContext(`${code};webSocket`, { queueMicrotask, setTimeout, clearTimeout, console });
    const err = await g.createWebSocket().connect(42).then(() => undefined, (e) => e);
    return typeof err?.cause === 'string' && err.cause.length > 0;
  } catch {
    return false;
  }
}

/** Sizes of the package's script-tag file (and whether it has causes), or `undefined` while it is not built. */
export async function packageSizes() {
  if (!existsSync(SCRIPT)) return undefined;
  const code = readFileSync(SCRIPT, 'utf8');
  return { ...sizes(code), causes: await carriesCauses(code) };
}
