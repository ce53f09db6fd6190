// Bundles the HarmonyOS-style shared module (playground/shared/chat.ts) for the playground page.
// The whole code-sharing recipe for bundlers is the alias below: the HarmonyOS kit names become the
// package's code-sharing subpaths, which node-resolve opens with the `browser` export condition
// (→ dist/browser/). playground/server.mjs builds this in memory at start-up; to write it to disk
// instead: `npx rollup -c playground/rollup.shared.mjs` (→ playground/build/chat.js).
//
// In an app of your own, @rollup/plugin-alias does what `kits` does here:
//   alias({ entries: { '@kit.NetworkKit': 'ohos-websocket/kit', '@kit.BasicServicesKit': 'ohos-websocket/base' } })
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import ts from 'typescript';

const fromRoot = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** HarmonyOS module names → ohos-websocket subpaths (SPEC §10). */
export const kitAliases = {
  '@kit.NetworkKit': 'ohos-websocket/kit',
  '@ohos.net.webSocket': 'ohos-websocket/ohos',
  '@kit.BasicServicesKit': 'ohos-websocket/base',
  '@ohos.base': 'ohos-websocket/base',
};

/** A minimal alias plugin (what @rollup/plugin-alias does for exact names). */
const kits = {
  name: 'harmonyos-kits',
  resolveId(id, importer) {
    const target = kitAliases[id];
    return target ? this.resolve(target, importer, { skipSelf: true }) : null;
  },
};

/** Strips TypeScript types (no type checking here: `tsc -p playground` does that). */
const stripTypes = {
  name: 'strip-types',
  async load(id) {
    if (!id.endsWith('.ts')) return null;
    const source = await readFile(id, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: id,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: true },
    });
    return { code: out.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: out.sourceMapText };
  },
};

/** The rollup options; `server.mjs` passes them to rollup's JS API and keeps the output in memory. */
export const sharedBuild = {
  input: fromRoot('playground/shared/chat.ts'),
  // Inside this repository `ohos-websocket` resolves to itself (package self-reference).
  plugins: [kits, nodeResolve({ browser: true, exportConditions: ['browser'] }), stripTypes],
  output: { file: fromRoot('playground/build/chat.js'), format: 'es', sourcemap: true },
};

export default sharedBuild;
