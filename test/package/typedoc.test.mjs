// The API reference (`npm run docs`): one TypeDoc module per import path users write, named by that
// path (kit and ohos are the main entry under their HarmonyOS names), the README as its index page,
// and no private or @internal members.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-typedoc-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('TypeDoc: modules named by import path, the README as index page, internals hidden', () => {
  const r = spawnSync('npx', ['--no-install', 'typedoc', '--out', join(dir, 'html'), '--json', join(dir, 'api.json')], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /\[error\]/);
  const api = JSON.parse(readFileSync(join(dir, 'api.json'), 'utf8'));
  const expected = Object.keys(pkg.exports)
    .filter((s) => !['./package.json', './kit', './ohos'].includes(s))
    .map((s) => (s === '.' ? pkg.name : `${pkg.name}/${s.slice(2)}`));
  assert.deepEqual(api.children.map((c) => c.name).sort(), expected.sort());
  const index = readFileSync(join(dir, 'html', 'index.html'), 'utf8');
  assert.match(index, /Quick starts/, 'the index page is the README');
  const names = [];
  const walk = (node) => {
    names.push(node);
    for (const c of node.children ?? []) walk(c);
  };
  walk(api);
  assert.deepEqual(names.filter((n) => n.flags?.isPrivate || (n.comment?.modifierTags ?? []).includes('@internal')).map((n) => n.name), []);
});
