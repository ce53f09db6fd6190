// Chromium client echo: the package's global `webSocket` (dist/ohos-websocket.min.js) vs the page's
// raw WebSocket, in one page, against the shared echo server; a fresh Chromium per round.
import { existsSync } from 'node:fs';
import { clientRow, skippedRow } from '../lib/pairs.mjs';
import { CASES } from '../node/scenario-client.mjs';
import { SCRIPT } from '../size/size.mjs';
import { CHROMIUM, chromiumAvailable, chromiumRound } from './chromium.mjs';

export async function chromiumClient(cfg, echo, log, machine) {
  const rows = [];
  for (const c of CASES) {
    const meta = { id: `chromium-client-${c.id}`, title: `Chromium client, ${c.title}`, runtime: 'chromium', target: c.target };
    if (!chromiumAvailable()) {
      rows.push(skippedRow({ ...meta, reason: `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` }));
      continue;
    }
    if (!existsSync(SCRIPT)) {
      rows.push(skippedRow({ ...meta, reason: 'dist/ohos-websocket.min.js not built' }));
      continue;
    }
    const shape = c.size > 65536 ? cfg.large : cfg.small;
    const base = { port: echo.port, a: 'raw', kind: c.kind, size: c.size, pairs: cfg.pairs, ...shape };
    const pairs = [];
    const floor = [];
    for (let r = 0; r < cfg.rounds; r++) {
      log(`chromium client ${c.id}: round ${r + 1}/${cfg.rounds}`);
      const p = await chromiumRound({ ...base, b: 'pkg', core: !machine.coreNsChromium });
      machine.chromium = p.version;
      machine.coreNsChromium ??= p.core;
      pairs.push(...p.pairs);
      floor.push(...(await chromiumRound({ ...base, b: 'raw' })).pairs);
    }
    rows.push(clientRow({ ...meta, pairs, floor }));
  }
  return rows;
}
