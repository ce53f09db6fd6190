// The shared conformance suite under `deno test`, against the foreign peers deno.test.mjs started.
import { cases } from '../conformance/cases.mjs';
import * as assert from '../conformance/assert.mjs';
import * as util from '../conformance/util.mjs';
import { BusinessError, peers, webSocket } from './peers.deno.mjs';

const ctx = { webSocket, BusinessError, assert, util, urls: { echo: peers.echo, refused: peers.refused } };

for (const c of cases) {
  const missing = (c.needs ?? []).filter((flag) => !webSocket.capabilities[flag]);
  Deno.test({
    name: `conformance (deno transport, ws peer): ${c.name}`,
    ignore: missing.length > 0,
    // The shared cases do not all wait for their last close event; leak checks live in the
    // Deno-specific files, which do.
    sanitizeOps: false,
    sanitizeResources: false,
    fn: () => c.run(ctx),
  });
}
