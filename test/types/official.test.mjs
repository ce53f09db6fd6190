// Our types against the OFFICIAL declarations (docs/behaviour.md#callbacks-and-promises): `api/@ohos.net.webSocket.d.ts` and
// `api/@ohos.base.d.ts` of openharmony/interface_sdk-js, read from a fetched copy of that repository
// (OHOS_INTERFACE_SDK, default /work/.mirror/openharmony+interface_sdk-js/repo) and never committed.
// Skips when no copy is there. The official file is ArkTS-flavoured TypeScript: `int` is declared as
// `number`, and declarations for static ArkTS only that redeclare a dynamic one (`header`,
// `ResponseHeaders`) are left out, so `tsc` reads the rest exactly as published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SDK = process.env.OHOS_INTERFACE_SDK ?? '/work/.mirror/openharmony+interface_sdk-js/repo';

/** A file of the fetched copy (a bare git repository or a checkout), or undefined. */
function official(path) {
  if (existsSync(join(SDK, path))) return execFileSync('cat', [join(SDK, path)], { encoding: 'utf8' });
  try {
    return execFileSync('git', ['-C', SDK, 'show', `HEAD:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * Drops the static-ArkTS-only declarations that redeclare a name already declared in the same
 * interface or namespace (TypeScript refuses a property or type alias declared twice with two types).
 */
export function dynamicView(source) {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  const out = [];
  const seen = [new Set()];
  let doc = '';
  let inDoc = false;
  for (const line of lines) {
    if (/^\s*\/\*\*/.test(line)) { inDoc = true; doc = ''; }
    if (inDoc) {
      doc += `${line}\n`;
      if (line.includes('*/')) inDoc = false;
      out.push(line);
      continue;
    }
    const name = /^\s*(?:export\s+)?(?:type\s+(\w+)\s*=|(\w+)\??\s*:)/.exec(line);
    const key = name && (name[1] ?? name[2]);
    const staticOnly = /@since [\d.]+ static/.test(doc) && !/@since [\d.]+ dynamic/.test(doc);
    if (key && staticOnly && seen[seen.length - 1].has(key)) {
      out.push('    // (static ArkTS redeclaration left out)');
    } else {
      if (key) seen[seen.length - 1].add(key);
      out.push(line);
    }
    if (/\{\s*$/.test(line)) seen.push(new Set());
    if (/^\s*\}/.test(line) && seen.length > 1) seen.pop();
    if (line.trim() !== '') doc = '';
  }
  return `type int = number;\n${out.join('\n')}`;
}

/** The `HttpProxy` interface of `@ohos.net.connection`, as a module of its own. */
function connectionStub(source) {
  const start = source.indexOf('export interface HttpProxy {');
  const end = source.indexOf('\n  }', start);
  if (start < 0 || end < 0) return undefined;
  return `type int = number;\ndeclare namespace connection {\n${source.slice(start, end + 4)}\n}\nexport default connection;\n`;
}

const socket = official('api/@ohos.net.webSocket.d.ts');
const base = official('api/@ohos.base.d.ts');
const connection = official('api/@ohos.net.connection.d.ts');
const missing = !socket || !base || !connection ? `no copy of openharmony/interface_sdk-js at ${SDK}` : false;

test('our WebSocket, WebSocketServer and factories are assignable to the official declarations', { skip: missing }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ohos-official-'));
  try {
    writeFileSync(join(dir, '@ohos.net.webSocket.d.ts'), dynamicView(socket));
    writeFileSync(join(dir, '@ohos.base.d.ts'), base);
    const stub = connectionStub(connection);
    assert.ok(stub, 'HttpProxy found in @ohos.net.connection.d.ts');
    writeFileSync(join(dir, '@ohos.net.connection.d.ts'), stub);
    copyFileSync(join(ROOT, 'test/types/official/assignable.ts'), join(dir, 'assignable.ts'));
    const types = join(ROOT, 'dist/types/transports/node/entry.d.ts');
    assert.ok(existsSync(types), 'dist/types is built (npm run build)');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2020', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true,
        skipLibCheck: false, types: [], lib: ['ES2022', 'DOM'],
        paths: { 'ohos-websocket': [types] },
      },
      files: ['assignable.ts'],
    }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc against the official declarations:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
