#!/usr/bin/env node
// Deno reads the types of a JavaScript module imported by URL or path from its `@ts-self-types`
// comment (rollup writes it at the top of each dist/deno entry), not from package.json. Those
// types must resolve as URLs too, so this copies dist/types to dist/deno/types with relative
// specifiers naming the `.d.ts` files themselves (Deno does not map `./x.js` to `./x.d.ts`), and
// the bundled eventemitter3's declarations beside them (a bare `eventemitter3` would resolve to
// the CommonJS declarations of some node_modules, or to nothing for a URL import).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { dtsFiles, relativeJsAs, rewriteSpecifiers, specifierOf } from './dts-files.mjs';

const from = 'dist/types';
const to = 'dist/deno/types';
rmSync(to, { recursive: true, force: true });

const require = createRequire(import.meta.url);
const vendored = join(to, 'vendor/eventemitter3.d.ts');
mkdirSync(dirname(vendored), { recursive: true });
writeFileSync(
  vendored,
  '// eventemitter3 declarations (MIT, https://github.com/primus/eventemitter3), for Deno.\n' +
    readFileSync(join(dirname(require.resolve('eventemitter3/package.json')), 'index.d.ts'), 'utf8'),
);

for (const file of dtsFiles(from)) {
  const target = join(to, relative(from, file));
  const text = rewriteSpecifiers(readFileSync(file, 'utf8'), (specifier) =>
    specifier === 'eventemitter3' ? specifierOf(target, vendored) : relativeJsAs(specifier, '.d.ts'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
