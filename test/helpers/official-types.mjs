// The official HarmonyOS declarations (openharmony/interface_sdk-js), read from the fetched copy
// outside the repo — never committed — and laid out in a temporary directory so `tsc` can check
// code against them. The SDK's files serve two languages at once: each declaration's JSDoc says
// `@since N dynamic` (ArkTS/TypeScript) and/or `@since N static` (static ArkTS), and the static
// ones use `int`. `view` picks one language: the other's declarations are dropped, `int` is a number.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The fetched copy (`OHOS_SDK_MIRROR` points elsewhere, e.g. at nothing to see the tests skip). */
export const SDK_MIRROR = process.env.OHOS_SDK_MIRROR ?? '/work/.mirror/openharmony+interface_sdk-js/repo';

/** True when the fetched SDK copy is there (tests skip cleanly without it). */
export const haveSdk = () => {
  if (!existsSync(SDK_MIRROR)) return false;
  try {
    sdkFile('api/@ohos.net.webSocket.d.ts');
    return true;
  } catch {
    return false;
  }
};

const sdkFile = (path) => execFileSync('git', ['-C', SDK_MIRROR, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** End index (exclusive) of the declaration starting at `i`: a `;` or a closing `}` at depth 0. */
function declarationEnd(text, i) {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === ']' || (c === '>' && text[j - 1] !== '=')) depth--;
    else if (c === '}') {
      depth--;
      if (depth === 0) return text[j + 1] === ';' ? j + 2 : j + 1;
      if (depth < 0) return j;
    } else if (c === ';' && depth === 0) return j + 1;
  }
  return text.length;
}

/** Keeps the declarations of one language (`'dynamic'` or `'static'`), with `int` as `number`. */
export function selectView(text, view) {
  let out = '';
  let at = 0;
  const doc = /\/\*\*[\s\S]*?\*\//g;
  let m;
  while ((m = doc.exec(text))) {
    const since = [...m[0].matchAll(/@since\s+[\d.]+\s+(\w+)/g)].map((s) => s[1]);
    const marked = since.some((s) => /^(dynamic|static)(only)?$/.test(s));
    const keep = !marked || since.some((s) => s.startsWith(view));
    if (keep) continue;
    const start = m.index;
    let declStart = m.index + m[0].length;
    while (/\s/.test(text[declStart])) declStart++;
    const end = declarationEnd(text, declStart);
    out += text.slice(at, start);
    at = end;
    doc.lastIndex = end;
  }
  out += text.slice(at);
  return out.replace(/\b(int|long|double)\b(?=[\s;,>)\]|])/g, 'number');
}

/**
 * Writes the official `webSocket`, `@ohos.base`, `connection.HttpProxy` and the global timers into
 * a temporary directory, with `@kit.NetworkKit`/`@kit.BasicServicesKit` re-exporting them as the
 * SDK's kits do. Returns `{ dir, paths }` for a tsconfig (`paths` maps the kit names).
 */
export function writeOfficialKits(view) {
  const dir = mkdtempSync(join(tmpdir(), `ohos-sdk-${view}-`));
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'api/@ohos.net.webSocket.d.ts'), selectView(sdkFile('api/@ohos.net.webSocket.d.ts'), view));
  writeFileSync(join(dir, 'api/@ohos.base.d.ts'), selectView(sdkFile('api/@ohos.base.d.ts'), view));
  // connection.d.ts pulls in half the SDK; webSocket only needs its HttpProxy, taken verbatim.
  const connection = sdkFile('api/@ohos.net.connection.d.ts');
  const proxy = connection.match(/export interface HttpProxy \{[\s\S]*?\n {2}\}/);
  if (!proxy) throw new Error('HttpProxy not found in @ohos.net.connection.d.ts');
  writeFileSync(join(dir, 'api/@ohos.net.connection.d.ts'), selectView(`declare namespace connection {\n  ${proxy[0]}\n}\nexport default connection;\n`, view));
  // The SDK's global timers (api/@internal/ets/global.d.ts declares them as exports of a module the
  // toolchain makes global): the same signatures, as globals.
  const global = sdkFile('api/@internal/ets/global.d.ts');
  const timers = ['setTimeout', 'clearTimeout'].map((name) => {
    const line = global.split('\n').find((l) => l.startsWith(`export declare function ${name}(`));
    if (!line) throw new Error(`${name} not found in global.d.ts`);
    return line.replace(/^export /, '');
  });
  writeFileSync(join(dir, 'api/global.d.ts'), `${timers.join('\n')}\n`);
  writeFileSync(join(dir, 'api/@kit.NetworkKit.d.ts'), "import webSocket from './@ohos.net.webSocket';\nexport { webSocket };\n");
  writeFileSync(join(dir, 'api/@kit.BasicServicesKit.d.ts'), "export { AsyncCallback, BusinessError, Callback, ErrorCallback } from './@ohos.base';\n");
  return {
    dir,
    globals: join(dir, 'api/global.d.ts'),
    paths: { '@kit.NetworkKit': [join(dir, 'api/@kit.NetworkKit.d.ts')], '@kit.BasicServicesKit': [join(dir, 'api/@kit.BasicServicesKit.d.ts')] },
  };
}
