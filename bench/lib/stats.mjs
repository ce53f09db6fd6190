// Small statistics for the benchmark tables: medians and spreads of per-pair ratios.

/** Median of a list of numbers (NaN for an empty list). */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Linear-interpolated quantile `q` (0…1). */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/**
 * Summary of per-pair ratios: the median is the figure; the spread is the interquartile range
 * (p25…p75), which is what a reader needs to judge whether a 2 % difference means anything.
 */
export function summarise(xs) {
  return { median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}
