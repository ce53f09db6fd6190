#!/usr/bin/env node
// Deno reads the types of a JavaScript module imported by URL or path from its `@ts-self-types`
// comment (rollup writes it at the top of each dist/deno entry), not from package.json. Those
// types must resolve as URLs too, so this copies dist/types to dist/deno/types with relative
// specifiers naming the `.d.ts` files themselves (Deno does not map `./x.js` to `./x.d.ts`).
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
