// Module customization hooks (node:module `register`), run off the main thread by Node:
//   resolve: the HarmonyOS kit names → ohos-websocket's code-sharing subpaths (SPEC §10);
//   load:    `.ts` files → JavaScript, types stripped by TypeScript's transpileModule.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The same table as the import map in playground/deno/deno.json, by package subpath. */
const kits = {
  '@kit.NetworkKit': 'ohos-websocket/kit',
  '@ohos.net.webSocket': 'ohos-websocket/ohos',
  '@kit.BasicServicesKit': 'ohos-websocket/base',
  '@ohos.base': 'ohos-websocket/base',
};

export function resolve(specifier, context, nextResolve) {
  return nextResolve(kits[specifier] ?? specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
