#!/usr/bin/env node
// The portable reconnect module (src/reconnect/) imports the HarmonyOS kit names, so the same file
// runs in an ArkTS app; tsconfig `paths` resolve them while compiling. Emitted declarations keep
// the bare names, which a consumer could not resolve: this points them at the package's own
// declarations (relative specifiers, so scripts/cjs-types.mjs then makes their `.cjs` twins).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dtsFiles, rewriteSpecifiers, specifierOf } from './dts-files.mjs';

const ROOT = 'dist/types';
const TARGETS = { '@kit.NetworkKit': 'src/namespace.js', '@kit.BasicServicesKit': 'src/base.js' };

for (const p of dtsFiles(ROOT)) {
  const text = readFileSync(p, 'utf8');
  const out = rewriteSpecifiers(text, (specifier) =>
    Object.hasOwn(TARGETS, specifier) ? specifierOf(p, join(ROOT, TARGETS[specifier])) : undefined);
  if (out !== text) writeFileSync(p, out);
}
