// One rollup build per platform, each with named inputs. Node keeps its dependencies external
// (ws, isomorphic-ws, https-proxy-agent, eventemitter3 resolve from node_modules); the browser and
// Deno builds are self-contained (eventemitter3 bundled, no bare imports), and the script-tag build
// is one minified IIFE. Every build, the script-tag one included, carries the errors' `cause`
// texts (docs/behaviour.md#errors).
import { rmSync } from 'node:fs';
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

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { declaration: false, outDir: undefined, rootDir: undefined },
    include: ['src/**/*.ts', 'transports/**/*.ts'],
  });

/**
 * The named inputs of a platform's build: dist/<platform>/<name>.* are the package's entries
 * (package.json `exports`), the same set on every platform.
 */
const inputsFor = (platform) => ({
  index: `transports/${platform}/entry.ts`,
  base: 'src/base.ts',
  [`transports/${platform}`]: `transports/${platform}/index.ts`,
  reconnect: 'src/reconnect/reconnecting-websocket.ts',
  testing: `transports/${platform}/testing.ts`,
});

/**
 * The portable reconnect module imports the HarmonyOS kit names (so the same file runs in an ArkTS
 * app): in each build they resolve to that platform's entry and to src/base.ts.
 */
const kits = (platform) => ({
  name: 'harmonyos-kits',
  resolveId(id) {
    if (id === '@kit.NetworkKit') return join(process.cwd(), inputsFor(platform).index);
    if (id === '@kit.BasicServicesKit') return join(process.cwd(), inputsFor(platform).base);
    return null;
  },
});

const nodeExternal = (id) =>
  id.startsWith('node:') || ['ws', 'isomorphic-ws', 'https-proxy-agent', 'eventemitter3'].includes(id);

// Rollup is the build's first step: it starts from an empty dist/, so nothing a previous build wrote
// stays behind — neither chunks under an old content hash nor declarations of a renamed source file
// (all would be packed into the tarball and seen by the tests that read every built file).
rmSync('dist', { recursive: true, force: true });

const builds = [];

// Node: ESM + CommonJS, dependencies external.
builds.push({
  input: inputsFor('node'),
  external: nodeExternal,
  plugins: [kits('node'), ts()],
  output: [
    { dir: 'dist/node', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    { dir: 'dist/node', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', exports: 'named' },
  ],
});

// Browser (and the `default` condition: any global WebSocket): self-contained ESM.
builds.push({
  input: inputsFor('browser'),
  plugins: [kits('browser'), bundleEventEmitter, ts()],
  output: { dir: 'dist/browser', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
});

// Script tag: one minified IIFE defining the global `webSocket`.
builds.push({
  input: 'transports/browser/global.ts',
  plugins: [bundleEventEmitter, ts()],
  output: { file: 'dist/ohos-websocket.min.js', format: 'iife', name: 'webSocket', exports: 'default', plugins: [terser({ ecma: 2020, compress: { passes: 2 } })] },
});

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
builds.push({
  input: inputsFor('deno'),
  plugins: [kits('deno'), bundleEventEmitter, ts()],
  output: { dir: 'dist/deno', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', banner: denoSelfTypes },
});

export default builds;
