// Chromium client echo (issue 14): the script-tag global `webSocket` (dist/ohos-websocket.min.js,
// callback-form `send(payload, cb)`, `on('message')`) vs the page's raw WebSocket (binaryType
// 'arraybuffer'), in one page, against the shared `ws` echo server; 64 B text and 64 B binary in
// turn, window 1,000; CPU of the renderer main thread. A fresh Chromium per round.
import { existsSync } from 'node:fs';
import { clientRow, skippedRow } from '../lib/pairs.mjs';
import { SCRIPT } from '../size/size.mjs';
import { CASES } from '../node/scenario-client.mjs';
import { CHROMIUM, chromiumAvailable, chromiumRound } from './chromium.mjs';

export async function chromiumClient(cfg, echo, log, machine) {
  const rows = [];
  for (const c of CASES.filter((x) => x.size <= 65536)) {
    const meta = { id: `chromium-client-${c.id}`, title: `Chromium: script-tag global (callback send, on('message')) vs raw WebSocket, ${c.title} (renderer main thread)`, runtime: 'chromium', target: c.target };
    if (!chromiumAvailable()) {
      rows.push(skippedRow({ ...meta, reason: `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` }));
      continue;
    }
    if (!existsSync(SCRIPT)) {
      rows.push(skippedRow({ ...meta, reason: 'dist/ohos-websocket.min.js not built' }));
      continue;
    }
    const base = { port: echo.port, a: 'raw', kind: c.kind, size: c.size, pairs: cfg.pairs, count: cfg.count, inflight: c.window };
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
