// One rollup build per platform, each with named inputs. Node keeps its dependencies external
// (ws, isomorphic-ws, https-proxy-agent, eventemitter3 resolve from node_modules); the browser and
// Deno builds are self-contained (eventemitter3 bundled, no bare imports), and the script-tag build
// is one minified IIFE. A build whose entry file does not exist yet is skipped.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const require = createRequire(import.meta.url);

/** Resolves eventemitter3 to its ESM build so it can be bundled without a CommonJS plugin. */
const bundleEventEmitter = {
  name: 'bundle-eventemitter3',
  resolveId(id) {
    if (id === 'eventemitter3') return join(dirname(require.resolve('eventemitter3')), 'dist/eventemitter3.esm.js');
    return null;
  },
};

/**
 * Script-tag build only: drops the explanatory hint argument of the error helpers, so errors carry
 * the native HarmonyOS message alone (codes and 801 texts naming the option are unchanged). The
 * hints are most of the file's text; the ESM builds keep them.
 */
const HINT_ARGUMENT = { paramError: 0, thrownParamError: 0, businessError: 1 };
const stripHints = {
  name: 'strip-hints',
  transform(code, id) {
    if (!/[\\/]src[\\/]/.test(id)) return null;
    const cuts = [];
    const walk = (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name in HINT_ARGUMENT) {
        const arg = node.arguments[HINT_ARGUMENT[node.callee.name]];
        // 801 keeps its text: naming the option and the transport is the point of that error.
        const capability = node.arguments[0]?.property?.name === 'CAPABILITY_NOT_SUPPORTED';
        if (arg && !capability) cuts.push([arg.start, arg.end]);
      }
      for (const value of Object.values(node)) {
        for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') walk(child);
      }
    };
    walk(this.parse(code));
    let out = code;
    let floor = Infinity;
    for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) {
      if (end > floor) continue; // inside a hint already cut
      out = out.slice(0, start) + 'void 0' + out.slice(end);
      floor = start;
    }
    return { code: out, map: null };
  },
};

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { declaration: false, outDir: undefined, rootDir: undefined },
    include: ['src/**/*.ts', 'transports/**/*.ts'],
  });

const present = (inputs) => Object.fromEntries(Object.entries(inputs).filter(([, file]) => existsSync(file)));

const nodeExternal = (id) =>
  id.startsWith('node:') || ['ws', 'isomorphic-ws', 'https-proxy-agent', 'eventemitter3'].includes(id);

const builds = [];

// Node: ESM + CommonJS, dependencies external.
const nodeInputs = present({
  index: 'transports/node/entry.ts',
  base: 'src/base.ts',
  'transports/node': 'transports/node/index.ts',
  testing: 'transports/node/testing.ts',
});
builds.push({
  input: nodeInputs,
  external: nodeExternal,
  plugins: [ts()],
  output: [
    { dir: 'dist/node', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    { dir: 'dist/node', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named' },
  ],
});

// Browser (and the `default` condition: any global WebSocket): self-contained ESM.
const browserInputs = present({
  index: 'transports/browser/entry.ts',
  base: 'src/base.ts',
  'transports/browser': 'transports/browser/index.ts',
  testing: 'transports/browser/testing.ts',
});
if (browserInputs.index) {
  builds.push({
    input: browserInputs,
    plugins: [bundleEventEmitter, ts()],
    output: { dir: 'dist/browser', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  });
}

// Script tag: one minified IIFE defining the global `webSocket`.
if (existsSync('transports/browser/global.ts')) {
  builds.push({
    input: 'transports/browser/global.ts',
    plugins: [bundleEventEmitter, ts(), stripHints],
    output: { file: 'dist/ohos-websocket.min.js', format: 'iife', name: 'webSocket', exports: 'default', plugins: [terser({ ecma: 2020, compress: { passes: 2 } })] },
  });
}

/**
 * Deno takes the types of a module imported by URL (or file path) from its `@ts-self-types` comment:
 * each entry names its declarations, copied to dist/deno/types by scripts/deno-types.mjs.
 */
const denoSelfTypes = (chunk) => {
  if (!chunk.isEntry || !chunk.facadeModuleId) return '';
  const source = relative(process.cwd(), chunk.facadeModuleId).split(sep).join('/').replace(/\.ts$/, '.d.ts');
  const up = '../'.repeat(chunk.fileName.split('/').length - 1) || './';
  return `// @ts-self-types="${up}types/${source}"`;
};

// Deno: self-contained ESM (importable by URL with no import map).
const denoInputs = present({
  index: 'transports/deno/entry.ts',
  base: 'src/base.ts',
  'transports/deno': 'transports/deno/index.ts',
  testing: 'transports/deno/testing.ts',
});
if (denoInputs.index) {
  builds.push({
    input: denoInputs,
    plugins: [bundleEventEmitter, ts()],
    output: { dir: 'dist/deno', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', banner: denoSelfTypes },
  });
}

export default builds;
