// The published package as a consumer sees it: publint (exports, files, fields) and
// @arethetypeswrong/cli (types resolve for ESM and CommonJS consumers under node10 — `typesVersions` —,
// node16 and bundler resolution; the browser and Deno transports are ESM-only, so `require` of them is
// allowed to fail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const npx = (args) => spawnSync('npx', ['--no-install', ...args], { encoding: 'utf8', timeout: 240_000 });

test('publint --strict finds nothing', () => {
  const r = npx(['publint', '--strict']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('are-the-types-wrong: every entry typed for ESM and CommonJS consumers, node10 resolution included', () => {
  const r = npx(['attw', '--pack', '.', '--ignore-rules', 'cjs-resolves-to-esm']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
