#!/usr/bin/env node
// tsc emits ESM declarations (the package is "type": "module"). CommonJS consumers need `.d.cts`
// twins, or TypeScript treats the `require` entry as ESM ("masquerading as ESM"). This writes a
// `.d.cts` beside each `.d.ts` under dist/types, with relative specifiers pointing at `.cjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dtsFiles } from './dts-files.mjs';

for (const p of dtsFiles('dist/types')) {
  const text = readFileSync(p, 'utf8').replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]*?)\.js\2/g, '$1$2$3.cjs$2');
  writeFileSync(p.slice(0, -'.d.ts'.length) + '.d.cts', text);
}
