#!/usr/bin/env node
// Deno reads the types of a JavaScript module imported by URL or path from its `@ts-self-types`
// comment (rollup writes it at the top of each dist/deno entry), not from package.json. Those
// types must resolve as URLs too, so this copies dist/types to dist/deno/types with relative
// specifiers naming the `.d.ts` files themselves (Deno does not map `./x.js` to `./x.d.ts`).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const from = 'dist/types';
const to = 'dist/deno/types';
rmSync(to, { recursive: true, force: true });
const walk = (src, dst) => {
  for (const name of readdirSync(src)) {
    const p = join(src, name);
    const q = join(dst, name);
    if (statSync(p).isDirectory()) walk(p, q);
    else if (name.endsWith('.d.ts')) {
      cpSync(p, q);
      const text = readFileSync(q, 'utf8').replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]*?)\.js\2/g, '$1$2$3.d.ts$2');
      writeFileSync(q, text);
    }
  }
};
walk(from, to);

// The bundled eventemitter3 has CommonJS declarations (`export =`), which Deno cannot take as the
// default import our declarations use; an ES-module copy sits beside them (MIT, see its header).
const require = createRequire(import.meta.url);
const emitterTypes = join(dirname(require.resolve('eventemitter3/package.json')), 'index.d.ts');
const vendored = join(to, 'vendor/eventemitter3.d.ts');
mkdirSync(dirname(vendored), { recursive: true });
writeFileSync(
  vendored,
  '// eventemitter3 declarations (MIT, https://github.com/primus/eventemitter3) as an ES module, for Deno.\n' +
    readFileSync(emitterTypes, 'utf8').replace(/^export\s*=\s*EventEmitter;?\s*$/m, 'export default EventEmitter;'),
);
const pointAtVendored = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) pointAtVendored(p);
    else if (name.endsWith('.d.ts')) {
      const text = readFileSync(p, 'utf8');
      let rel = relative(dirname(p), vendored).split('\\').join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      const out = text.replace(/(from\s+)(['"])eventemitter3\2/g, `$1$2${rel}$2`);
      if (out !== text) writeFileSync(p, out);
    }
  }
};
pointAtVendored(to);
