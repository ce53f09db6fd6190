// The one conformance runner, used by every environment (node:test, `deno test`, a Chromium page,
// a module worker, a child process on a standard WebSocket). Portable: no platform imports.
//
// A case may need capability flags (`needs`, checked against the transport under test) and echo-peer
// features (`peer`, see cases.mjs). A peer declares what it cannot do as `lacks` next to where it is
// started; the runner skips a case whose needs the transport or the peer cannot meet.
import * as assert from './assert.mjs';
import { cases } from './cases.mjs';
import * as util from './util.mjs';

export { cases };

/**
 * @typedef {{name?: string, lacks?: readonly string[]}} PeerInfo  what a peer is called and cannot do
 * @typedef {{webSocket: any, BusinessError?: any, urls: {echo: string, refused: string}, peer?: PeerInfo}} Target
 * @typedef {{ok: true} | {skipped: string} | {error: string}} Outcome
 */

/** Why `c` cannot run on `capabilities` against `peer`, or `undefined` when it can. */
export function skipReason(c, capabilities, peer = {}) {
  const missing = (c.needs ?? []).filter((flag) => !capabilities[flag]);
  if (missing.length) return `${capabilities.name} transport lacks ${missing.join(', ')}`;
  const lacking = (c.peer ?? []).filter((feature) => peer.lacks?.includes(feature));
  if (lacking.length) return `${peer.name ?? 'the peer'} cannot do ${lacking.join(', ')}`;
  return undefined;
}

/** Runs case `c` against `target`; throws what the case throws. */
export const runCase = (c, { webSocket, BusinessError, urls }) => c.run({ webSocket, BusinessError, assert, util, urls });

/**
 * Declares every case with the host's test function: `declare(name, skip, run)`, where `skip` is
 * the reason to skip (or `undefined`) and `run()` runs the case, rejecting on failure. `target.urls`
 * is read when a case runs, so a `before` hook may fill it in after the declaration.
 * @param {Target} target
 */
export function declareCases(target, declare) {
  for (const c of cases) declare(c.name, skipReason(c, target.webSocket.capabilities, target.peer), () => runCase(c, target));
}

/**
 * Runs a case (or the case named so) and reports its outcome; never throws. For environments driven from
 * outside (a page, a worker, a child process), which send back the outcome.
 * @returns {Promise<Outcome>}
 */
export async function outcomeOf(nameOrCase, target) {
  const c = typeof nameOrCase === 'string' ? cases.find((x) => x.name === nameOrCase) : nameOrCase;
  if (!c) return { error: `no case named ${JSON.stringify(nameOrCase)} here` };
  const skipped = skipReason(c, target.webSocket.capabilities, target.peer);
  if (skipped) return { skipped };
  try {
    await runCase(c, target);
    return { ok: true };
  } catch (e) {
    return { error: e?.stack ? `${e.stack}` : String(e) };
  }
}

/**
 * The outside half: declares every case as a test whose body asks `remote(name)` for the outcome
 * (run where the transport lives) and turns it into a pass, a skip or a failure.
 * `declare(name, body)` registers a test; `body(skip)` gets the host's way to skip at run time.
 */
export function declareRemoteCases(remote, declare, where = 'remotely') {
  for (const c of cases) {
    declare(c.name, async (skip) => {
      const r = await remote(c.name);
      if (r.skipped) return skip(r.skipped);
      if (r.error) throw new Error(`${where}: ${r.error}`);
    });
  }
}
