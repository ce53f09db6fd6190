// Bundles the HarmonyOS-style shared module (playground/shared/chat.ts) for the playground page.
// The whole code-sharing recipe for bundlers is the alias below: the HarmonyOS kit names point at
// ohos-websocket's browser build. playground/server.mjs builds this in memory at start-up; to write
// it to disk instead: `npx rollup -c playground/rollup.shared.mjs` (→ playground/build/chat.js).
//
// In an app of your own, use @rollup/plugin-alias (or Vite's `resolve.alias`) with the package
// subpaths instead of the dist files:
//   alias({ entries: { '@kit.NetworkKit': 'ohos-websocket/kit', '@kit.BasicServicesKit': 'ohos-websocket/base' } })
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const fromRoot = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** HarmonyOS module names → the package's browser build (the ESM twin of the script-tag file). */
export const kitAliases = {
  '@kit.NetworkKit': fromRoot('dist/browser/index.js'),
  '@ohos.net.webSocket': fromRoot('dist/browser/index.js'),
  '@kit.BasicServicesKit': fromRoot('dist/browser/base.js'),
  '@ohos.base': fromRoot('dist/browser/base.js'),
};

/** A minimal alias plugin (what @rollup/plugin-alias does for exact names). */
const kits = {
  name: 'harmonyos-kits',
  resolveId: (id) => kitAliases[id] ?? null,
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
  plugins: [kits, stripTypes],
  output: { file: fromRoot('playground/build/chat.js'), format: 'es', sourcemap: true },
};

export default sharedBuild;
