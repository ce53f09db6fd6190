#!/usr/bin/env node
// tsc emits ESM declarations (the package is "type": "module"). CommonJS consumers need `.d.cts`
// twins, or TypeScript treats the `require` entry as ESM ("masquerading as ESM"). This writes a
// `.d.cts` beside each `.d.ts` under dist/types, with relative specifiers pointing at `.cjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dtsFiles, relativeJsAs, rewriteSpecifiers } from './dts-files.mjs';

for (const p of dtsFiles('dist/types')) {
  const text = rewriteSpecifiers(readFileSync(p, 'utf8'), (specifier) => relativeJsAs(specifier, '.cjs'));
  writeFileSync(p.slice(0, -'.d.ts'.length) + '.d.cts', text);
}
