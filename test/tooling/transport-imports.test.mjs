// "Transports report facts, the core decides" (docs/behaviour.md#transports-and-capabilities), as a
// check on the source: a transport's I/O code imports nothing from src/ but the contract
// (src/transport.ts); only its entry and assembly files import more, and only what they deliver
// (`serverCore`, `proxyCore`, `heartbeatCore`, `filesCore`) or the namespace they build. A rule imported anywhere else fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Per assembly file, the src/ modules it may import from, and which names (`*`: a whole entry). */
const DELIVERED = {
  'server/server.js': ['serverCore'], 'proxy.js': ['proxyCore', 'systemProxy'], 'heartbeat.js': ['heartbeatCore'], 'files.js': ['filesCore'],
};
const ASSEMBLY = {
  'transports/node/index.ts': DELIVERED,
  'transports/deno/index.ts': DELIVERED,
  'transports/testing/transport.ts': DELIVERED,
  'transports/node/entry.ts': { ...DELIVERED, 'index.js': ['*'] },
  'transports/deno/entry.ts': { ...DELIVERED, 'index.js': ['*'] },
  'transports/browser/entry.ts': { 'index.js': ['*'] },
  'transports/browser/global.ts': { 'module.js': ['*'], 'errors.js': ['*'] },
  'transports/testing/index.ts': { 'namespace.js': ['*'] },
};

test('transports import from src/ only the contract; assembly files only what they deliver', () => {
  const files = readdirSync(`${root}transports`, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 20, 'the transports were found');
  const wrong = [];
  for (const f of files) {
    const path = `transports/${f.split('\\').join('/')}`;
    const code = readFileSync(`${root}${path}`, 'utf8');
    for (const [, names, spec] of code.matchAll(/(?:import|export)\s+(?:type\s+)?([^;]*?)\s+from\s+'((?:\.\.\/)+src\/[^']+)'/g)) {
      const module = spec.replace(/^(\.\.\/)+src\//, '');
      if (module === 'transport.js') continue;
      const allowed = ASSEMBLY[path]?.[module];
      const imported = names.replace(/^\{|\}$/g, '').split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]).filter(Boolean);
      if (!allowed || !(allowed.includes('*') || imported.every((n) => allowed.includes(n)))) wrong.push(`${path}: ${names} from ${module}`);
    }
  }
  assert.deepEqual(wrong, []);
});
