// Builds the shared HarmonyOS-style module for the page at start-up, in memory (no file written, so
// several playground processes never race on one output file). The recipe is playground/rollup.shared.mjs.
import { basename } from 'node:path';

const js = 'text/javascript; charset=utf-8';

/**
 * @returns {Promise<Map<string, {type: string, body: string}>>} URL path → generated file
 */
export async function bundleShared(log) {
  const files = new Map();
  try {
    const [{ rollup }, { sharedBuild }] = await Promise.all([import('rollup'), import('../rollup.shared.mjs')]);
    const bundle = await rollup({ ...sharedBuild, onwarn: (w) => log(`shared module: ${w.message}`) });
    try {
      const { output } = await bundle.generate(sharedBuild.output);
      for (const chunk of output) {
        if (chunk.type !== 'chunk') continue;
        const name = basename(chunk.fileName);
        const mapped = chunk.map ? `${chunk.code}\n//# sourceMappingURL=${name}.map\n` : chunk.code;
        files.set(`/build/${name}`, { type: js, body: mapped });
        if (chunk.map) files.set(`/build/${name}.map`, { type: 'application/json; charset=utf-8', body: chunk.map.toString() });
      }
    } finally {
      await bundle.close();
    }
  } catch (err) {
    // The page still works without it; its chat panel shows this reason.
    const reason = `the shared module could not be bundled: ${err.message}`;
    log(`warning: ${reason}`);
    files.set('/build/chat.js', { type: js, body: `throw new Error(${JSON.stringify(reason)});\n` });
  }
  return files;
}
