// Turns measured pairs into a table row: per-pair ratios (B ÷ A), their median and spread, and the
// absolute figures of each side.
import { median, summarise } from './stats.mjs';

/**
 * `pairs`: `[{ a: {cpu, wall}, b: {cpu, wall} }]` (µs per message) of package runs (A raw, B package);
 * `floor`: the same harness with B raw too.
 */
export function clientRow({ id, title, runtime, target, pairs, floor, note }) {
  const cpu = pairs.map((p) => p.b.cpu / p.a.cpu);
  const tput = pairs.map((p) => p.a.wall / p.b.wall); // package msgs/s ÷ raw msgs/s
  return {
    id,
    title,
    runtime,
    target,
    note,
    cpu: summarise(cpu),
    tput: summarise(tput),
    floor: floor?.length ? summarise(floor.map((p) => p.b.cpu / p.a.cpu)) : undefined,
    floorTput: floor?.length ? summarise(floor.map((p) => p.a.wall / p.b.wall)) : undefined,
    abs: {
      rawCpu: median(pairs.map((p) => p.a.cpu)),
      pkgCpu: median(pairs.map((p) => p.b.cpu)),
      rawRate: 1e6 / median(pairs.map((p) => p.a.wall)),
      pkgRate: 1e6 / median(pairs.map((p) => p.b.wall)),
    },
  };
}

/** A row for a scenario that could not run (a build or a peer is missing). */
export function skippedRow({ id, title, runtime, target, reason }) {
  return { id, title, runtime, target, skipped: reason };
}
