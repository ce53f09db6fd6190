// The portable reconnect file type-checks against the official HarmonyOS declarations when its
// `webSocket` comes from them — both SDK views (TypeScript/"dynamic" ArkTS and static ArkTS) — with
// only the SDK's globals (ES2022 + its setTimeout/clearTimeout: no DOM, no Node types), and its
// object is assignable to the official `webSocket.WebSocket`. Reads the fetched SDK copy outside the
// repo; skips cleanly when it is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haveSdk, selectView, SDK_MIRROR, writeOfficialKits } from '../helpers/official-types.mjs';

const SOURCE = fileURLToPath(new URL('../../src/reconnect/reconnecting-websocket.ts', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const skip = haveSdk() ? false : `no SDK copy at ${SDK_MIRROR}`;

// Uses the module exactly as an ArkTS app would: `webSocket` from the kit.
const CHECK = `
import { webSocket } from '@kit.NetworkKit';
import type { BusinessError } from '@kit.BasicServicesKit';
import { createReconnectingWebSocket, QUEUE_FULL, type ReconnectingWebSocket, type ReconnectOptions } from './reconnecting-websocket';

const options: ReconnectOptions = { webSocket, maxRetries: 5, shouldReconnect: (r) => r.code !== 1008 && !(r.status >= 400 && r.status < 500) };
const ws: ReconnectingWebSocket = createReconnectingWebSocket(options);
const plain: webSocket.WebSocket = ws; // switching a HarmonyOS app is one line
const factory: () => webSocket.WebSocket = () => createReconnectingWebSocket({ webSocket });
ws.on('open', (err: BusinessError, value: Object) => {});
ws.on('message', (err: BusinessError, data: string | ArrayBuffer) => {});
ws.on('close', (err: BusinessError, result: webSocket.CloseResult) => {});
ws.on('headerReceive', (headers: webSocket.ResponseHeaders) => {});
ws.on('reconnecting', (info) => { const n: number = info.attempt + info.delay; });
ws.on('giveUp', (info) => { const s: 'maxRetries' | 'shouldReconnect' = info.stoppedBy; });
ws.connect('wss://example.test', { header: { authorization: 'x' }, pingInterval: 10 }, (err: BusinessError, ok: boolean) => {});
ws.connect(async () => 'wss://example.test').then((ok: boolean) => ok);
ws.send('x').catch((e: BusinessError) => e.code === QUEUE_FULL);
ws.close({ code: 1000, reason: 'bye' });
// These must fail, or the check would be vacuous (a type that fell back to any):
// @ts-expect-error an object missing the WebSocket members is not a webSocket.WebSocket
const notASocket: webSocket.WebSocket = { connect() {} };
// @ts-expect-error send takes string | ArrayBuffer
ws.send(42);
// @ts-expect-error reconnecting's listener gets one argument of ReconnectingInfo
ws.on('reconnecting', (info: string) => {});
export { plain, factory, notASocket };
`;

// The file is TypeScript (a `.ts` file in an ArkTS project), so it is checked against the SDK's
// TypeScript ("dynamic") view; static ArkTS has no on()/off() at all (see the alias test below).
for (const view of ['dynamic']) {
  test(`type-checks against the official declarations (${view} view), assignable to webSocket.WebSocket`, { skip }, () => {
    const kits = writeOfficialKits(view);
    try {
      copyFileSync(SOURCE, join(kits.dir, 'reconnecting-websocket.ts'));
      writeFileSync(join(kits.dir, 'check.ts'), CHECK);
      writeFileSync(join(kits.dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2020', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true,
          lib: ['ES2022'], types: [], skipLibCheck: false, paths: kits.paths,
        },
        files: ['check.ts', 'reconnecting-websocket.ts', kits.globals],
      }));
      const r = spawnSync(process.execPath, [TSC, '-p', join(kits.dir, 'tsconfig.json')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      // and the module really took the official types: the SDK's WebSocket has no 'reconnecting'
      const broken = CHECK.replace('const plain: webSocket.WebSocket = ws;', 'const plain: ReconnectingWebSocket = webSocket.createWebSocket();');
      writeFileSync(join(kits.dir, 'check.ts'), broken);
      const r2 = spawnSync(process.execPath, [TSC, '-p', join(kits.dir, 'tsconfig.json')], { encoding: 'utf8' });
      assert.notEqual(r2.status, 0, 'an official socket is not a ReconnectingWebSocket');
      assert.match(r2.stdout, /check\.ts/);
    } finally {
      rmSync(kits.dir, { recursive: true, force: true });
    }
  });
}

test('the view filter keeps one language: the static view has onOpen, the dynamic one does not', { skip }, () => {
  const text = readFileSync(join(writeOfficialKits('dynamic').dir, 'api/@ohos.net.webSocket.d.ts'), 'utf8');
  assert.doesNotMatch(text, /onOpen\(/);
  assert.doesNotMatch(text, /\bint\b;/);
  assert.match(text, /header\?: Object;/);
  assert.doesNotMatch(text, /header\?: Record/);
  const staticText = readFileSync(join(writeOfficialKits('static').dir, 'api/@ohos.net.webSocket.d.ts'), 'utf8');
  assert.match(staticText, /onOpen\(callback: Callback<OpenResult>\): void;/);
  assert.doesNotMatch(staticText, /header\?: Object;/);
  assert.equal(selectView('/** @since 6 dynamic */\nconst a: int;\n/** @since 23 static */\nconst b: int;\n', 'dynamic').trim(), '/** @since 6 dynamic */\nconst a: number;');
});

test('the static aliases have the callback types of the static ArkTS declarations, word for word', { skip }, () => {
  const kits = writeOfficialKits('static');
  try {
    const official = readFileSync(join(kits.dir, 'api/@ohos.net.webSocket.d.ts'), 'utf8');
    const client = official.slice(official.indexOf('export interface WebSocket {'), official.indexOf('function createWebSocketServer'));
    const aliases = [...client.matchAll(/^\s*((?:on|off)[A-Z]\w*\(callback\??: [^)]*\)): void;/gm)].map((m) => m[1]);
    assert.ok(aliases.length >= 12, `found ${aliases.length} aliases`);
    const ours = readFileSync(SOURCE, 'utf8').replace(/webSocket\./g, '');
    for (const alias of aliases) assert.ok(ours.includes(`${alias}: void;`), `ReconnectingWebSocket declares ${alias}`);
  } finally {
    rmSync(kits.dir, { recursive: true, force: true });
  }
});

test('the portable file imports nothing but the HarmonyOS kits', () => {
  const imports = [...readFileSync(SOURCE, 'utf8').matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  assert.deepEqual(imports, ['@kit.NetworkKit', '@kit.BasicServicesKit']);
});
