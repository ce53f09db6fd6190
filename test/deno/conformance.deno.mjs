// The shared conformance suite under `deno test`, through the one runner, against the `ws` peer
// deno.test.mjs started.
import { declareCases } from '../conformance/runner.mjs';
import { BusinessError, peers, webSocket } from './peers.deno.mjs';

const target = { webSocket, BusinessError, peer: { name: 'the ws peer', lacks: [] }, urls: { echo: peers.echo, refused: peers.refused } };

declareCases(target, (name, skip, run) =>
  Deno.test({
    name: `conformance (deno transport, ws peer): ${name}`,
    ignore: skip !== undefined,
    // The shared cases do not all wait for their last close event; leak checks live in the
    // Deno-specific files, which do.
    sanitizeOps: false,
    sanitizeResources: false,
    fn: run,
  }));
