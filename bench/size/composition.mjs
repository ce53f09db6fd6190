// Size aid (not part of `npm run bench`): what the script-tag build is made of, per source module,
// after tree-shaking (rendered bytes before minification, and each module's code alone minified).
//   node bench/size/composition.mjs
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { minify } from 'terser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const ee = {
  name: 'ee',
  resolveId: (id) => (id === 'eventemitter3' ? join(dirname(require.resolve('eventemitter3')), 'dist/eventemitter3.esm.js') : null),
};
const bundle = await rollup({
  input: join(root, 'transports/browser/global.ts'),
  plugins: [ee, typescript({ tsconfig: join(root, 'tsconfig.json'), compilerOptions: { declaration: false, outDir: undefined, rootDir: undefined }, include: ['src/**/*.ts', 'transports/**/*.ts'] })],
  onwarn: () => {},
});
const { output } = await bundle.generate({ format: 'es' });
await bundle.close();
const rows = [];
for (const [id, m] of Object.entries(output[0].modules)) {
  if (!m.code) continue;
  const min = (await minify(m.code, { ecma: 2020, module: false, toplevel: false, compress: { passes: 2 } })).code ?? '';
  rows.push({ module: relative(root, id), rendered: m.renderedLength, min: min.length, gzip: gzipSync(min, { level: 9 }).length });
}
rows.sort((a, b) => b.min - a.min);
console.log('  min  gzip(alone)  module');
for (const r of rows) console.log(`${String(r.min).padStart(6)} ${String(r.gzip).padStart(6)}       ${r.module}`);
console.log(`${String(rows.reduce((s, r) => s + r.min, 0)).padStart(6)}  total (module by module)`);
