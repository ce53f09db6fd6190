// The printed report: Markdown tables of ratios (package ÷ raw), absolute figures and the machine.

const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '–');
const spread = (s) => (s ? `${f3(s.median)} (${f3(s.p25)}–${f3(s.p75)})` : '–');
const us = (x) => (x >= 100 ? int(x) : x >= 10 ? x.toFixed(1) : f2(x));

/**
 * "met" / "missed" against a target (`higher` when bigger is better). A miss whose median still lies
 * inside the raw-vs-raw interquartile range is "within noise": this run cannot tell it from 1.00.
 */
function verdict(value, target, higher = false, floor = undefined) {
  if (!Number.isFinite(value) || target === undefined) return '';
  if (higher ? value >= target : value <= target) return 'met';
  if (floor && (higher ? value >= floor.p25 : value <= floor.p75)) return 'within noise';
  return '**missed**';
}

function throughputTable(rows) {
  const out = [
    '| Scenario | CPU/msg pkg ÷ raw: median (p25–p75) | target | noise floor raw ÷ raw | CPU µs/msg raw → pkg | msgs/s pkg ÷ raw | noise floor | msgs/s raw → pkg | n |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.skipped) {
      out.push(`| ${r.title} | skipped: ${r.skipped} | ≤ ${r.target.cpu} | | | | | | |`);
      continue;
    }
    out.push(`| ${r.title} | ${spread(r.cpu)} | ≤ ${r.target.cpu} ${verdict(r.cpu.median, r.target.cpu, false, r.floor)} | ${spread(r.floor)} | ${us(r.abs.rawCpu)} → ${us(r.abs.pkgCpu)} | ${spread(r.tput)} ${verdict(r.tput.median, r.target.tput, true, r.floorTput)} | ${spread(r.floorTput)} | ${int(r.abs.rawRate)} → ${int(r.abs.pkgRate)} | ${r.cpu.n} |`);
  }
  return out.join('\n');
}

function memoryTable(rows) {
  const out = [
    '| Scenario | bytes/conn raw | bytes/conn pkg | extra | target | noise floor (raw samples, max − min) | RSS/conn raw → pkg |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.skipped) {
      out.push(`| ${r.title} | skipped: ${r.skipped} | | | ≤ ${r.target.extraBytes} | | |`);
      continue;
    }
    out.push(`| ${r.title} | ${int(r.raw.median)} | ${int(r.pkg.median)} | ${int(r.extra)} | ≤ ${r.target.extraBytes} ${verdict(r.extra, r.target.extraBytes)} | ${int(r.floor)} | ${int(r.rawRss)} → ${int(r.pkgRss)} |`);
  }
  return out.join('\n');
}

export const SIZE_TARGET = 6144;

function sizeTable(size) {
  if (!size) return '';
  const pkg = size.package;
  const causes = pkg ? (pkg.causes ? 'with the `cause` explanations (docs/behaviour.md#errors)' : '**without** `cause` explanations') : '';
  return [
    '| Script-tag file (rollup IIFE + terser) | min bytes | gzip -9 bytes | target | noise floor |',
    '|---|---|---|---|---|',
    pkg
      ? `| dist/ohos-websocket.min.js, ${causes} | ${int(pkg.min)} | ${int(pkg.gzip)} | ≤ ${int(SIZE_TARGET)} ${verdict(pkg.gzip, SIZE_TARGET)} | none (deterministic build) |`
      : `| dist/ohos-websocket.min.js | not built | | ≤ ${int(SIZE_TARGET)} | |`,
    `| baseline: isomorphic-ws + eventemitter3 | ${int(size.baseline.min)} | ${int(size.baseline.gzip)} | | |`,
  ].join('\n');
}

/** The core's own JavaScript per message (no I/O) on each runtime measured. */
function coreLine(m) {
  const parts = [['Node', m.coreNs], ['Deno', m.coreNsDeno], ['Chromium', m.coreNsChromium]]
    .filter(([, ns]) => ns)
    .map(([name, ns]) => `${name} ${Math.round(ns.text)} ns text / ${Math.round(ns.binary)} ns binary`);
  const lines = parts.length
    ? ['', `The core's own JavaScript per message, no I/O (in-memory echo transport; send in the promise form + receive): ${parts.join('; ')}.`]
    : [];
  if (m.utf8) {
    lines.push('', `Inherent to the HarmonyOS API on the server (\`messageReceive\` hands text over as a string; a raw \`ws\` echo sends the received Buffer back): UTF-8 decode of a 64-byte text ${Math.round(m.utf8.decodeNs)} ns, writing the string back into a frame ${Math.round(m.utf8.encodeNs)} ns more than copying the Buffer (in isolation, \`bench/node/utf8-cost.mjs\`).`);
  }
  const r = m.registry;
  if (r) {
    lines.push('', `The event registry on eventemitter3 vs a bare slot object (4 listeners, Node): ${Math.round(r.eventemitter3.bytes)} vs ${Math.round(r.slots.bytes)} B per registry, ${r.eventemitter3.ns.toFixed(1)} vs ${r.slots.ns.toFixed(1)} ns per dispatch.`);
  }
  return lines;
}

function machineLine(m) {
  return [
    ...(m.mode === 'full' ? [] : [`**Indicative figures** (${m.mode} run: fewer, shorter slices; not the committed results).`, '']),
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory}; Node ${m.node} (ws ${m.ws}), Deno ${m.deno ?? 'n/a'}, Chromium ${m.chromium ?? 'n/a'}.`,
    `Load average before → after: ${m.loadBefore} → ${m.loadAfter ?? '?'}; run took ${m.seconds ?? '?'} s (${m.mode}).`,
    ...coreLine(m),
  ].join('\n');
}

/** The short table of README's benchmark section: one line per row, ratio and target. */
export function summary({ rows, size, machine, date }) {
  const out = [
    `\`npm run bench\` measures the package against the raw transport it wraps, side by side in alternating`,
    'slices, as package ÷ raw ratios of **CPU time per message** of the side under test, each with a raw ÷ raw',
    `noise floor. Run of ${date} UTC (${machine.mode}, ${machine.cores} cores, load average ${machine.loadBefore} → ${machine.loadAfter}); full tables and method in`,
    '[docs/bench.md](https://github.com/ohos-websocket/ohos-websocket/blob/main/docs/bench.md).',
    '',
    '| workload | package ÷ raw (median) | noise floor | target |',
    '|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.skipped) out.push(`| ${r.title} | skipped | | |`);
    else if (r.memory) out.push(`| ${r.title} | +${int(r.extra)} B per connection | ±${int(r.floor)} B | ≤ ${int(r.target.extraBytes)} B ${verdict(r.extra, r.target.extraBytes)} |`);
    else out.push(`| ${r.title} | ${f3(r.cpu.median)} | ${f3(r.floor?.median)} (${f3(r.floor?.p25)}–${f3(r.floor?.p75)}) | ≤ ${r.target.cpu} ${verdict(r.cpu.median, r.target.cpu, false, r.floor)} |`);
  }
  const pkg = size?.package;
  if (pkg) out.push(`| Script-tag file, gzip -9${pkg.causes ? ', with causes' : ', without causes'} | ${int(pkg.gzip)} B | exact | ≤ ${int(SIZE_TARGET)} B ${verdict(pkg.gzip, SIZE_TARGET)} |`);
  out.push('', 'Where each missed row\'s cost lies (profiles, and what each fix bought): [docs/bench.md](https://github.com/ohos-websocket/ohos-websocket/blob/main/docs/bench.md#where-the-targets-stand).');
  return out.join('\n');
}

/** The whole report as Markdown. */
export function report({ rows, size, machine }) {
  const tput = rows.filter((r) => !r.memory);
  const mem = rows.filter((r) => r.memory);
  return [
    machineLine(machine),
    '',
    tput.length ? throughputTable(tput) : '',
    '',
    mem.length ? memoryTable(mem) : '',
    '',
    sizeTable(size),
    '',
  ].join('\n').replace(/\n{3,}/g, '\n\n');
}
