// The declaration files (`.d.ts`) under a directory, for the post-build scripts that rewrite them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.d.ts` file under `dir`, depth first. */
export function dtsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...dtsFiles(p));
    else if (name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
