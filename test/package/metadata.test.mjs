// What a visitor of the registry page or a CDN sees: the metadata that says where the project lives,
// a licence file in the tarball, README links that work away from the repository, and types for
// `moduleResolution: node` (node10) kept in step with `exports`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');

test('package.json names the repository, the homepage and where to report bugs', () => {
  assert.match(pkg.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
  assert.match(pkg.homepage ?? '', /^https:\/\//);
  assert.match(pkg.bugs?.url ?? '', /^https:\/\/.+\/issues$/);
  assert.equal(pkg.license, 'MIT');
});

test('the tarball ships LICENSE (MIT), README.md and dist, nothing from the sources', () => {
  const license = readFileSync(new URL('LICENSE', root), 'utf8');
  assert.match(license, /^MIT License/);
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = JSON.parse(r.stdout)[0].files.map((f) => f.path);
  for (const f of ['LICENSE', 'README.md', 'package.json']) assert.ok(files.includes(f), `${f} missing from the tarball`);
  assert.deepEqual(files.filter((f) => !/^(dist\/|LICENSE$|README\.md$|package\.json$)/.test(f)), []);
});

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
const anchors = new Set(
  [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
    m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-'),
  ),
);

test('README links work on the registry page and on a CDN: absolute, or an anchor of a README heading', () => {
  const prose = readme.replace(/```[\s\S]*?```/g, '');
  const targets = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(targets.length > 5);
  const bad = targets.filter((t) => (t.startsWith('#') ? !anchors.has(t.slice(1)) : !/^https:\/\//.test(t)));
  assert.deepEqual(bad, [], 'relative links break outside the repository: make them https:// links (or fix the anchor)');
});

test('typesVersions gives node10 resolution the same types as `exports` (node, import) for every subpath', () => {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (subpath === '.' || subpath === './package.json') continue;
    const types = target.node?.import?.types ?? target.node?.types ?? target.import?.types ?? target.types;
    assert.deepEqual(pkg.typesVersions?.['*']?.[subpath.slice(2)], [types], `typesVersions entry for ${subpath}`);
  }
  assert.equal(pkg.types, pkg.exports['.'].node.import.types);
});
