// What the post-build scripts that rewrite declaration files share: the `.d.ts` files under a
// directory, and the rewriting of the module specifiers they import.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

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

/**
 * `text` with the specifier of every `from '…'` and `import('…')` replaced by `rename(specifier)`,
 * or kept where that returns undefined.
 */
export const rewriteSpecifiers = (text, rename) =>
  text.replace(/(from\s+|import\s*\(\s*)(['"])([^'"]*)\2/g, (whole, lead, quote, specifier) => {
    const renamed = rename(specifier);
    return renamed === undefined ? whole : `${lead}${quote}${renamed}${quote}`;
  });

/** A relative `./x.js` or `../x.js` specifier with `.js` replaced by `extension`; undefined for others. */
export const relativeJsAs = (specifier, extension) =>
  /^\.{1,2}\/.*\.js$/s.test(specifier) ? specifier.slice(0, -'.js'.length) + extension : undefined;

/** The relative specifier (`./…` or `../…`, forward slashes) of file `to` as imported from file `from`. */
export function specifierOf(from, to) {
  const path = relative(dirname(from), to).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
