/** The middle and the spread of a few measurements (windows of a bench): median, quartiles, min and max. */
export interface Spread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  n: number;
}

/** Quartiles by linear interpolation between the sorted values (what a spreadsheet's QUARTILE gives). */
export function spread(values: number[]): Spread {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const at = (q: number) => {
    if (!v.length) return NaN;
    const pos = (v.length - 1) * q;
    const lo = Math.floor(pos);
    return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (pos - lo);
  };
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    median: r(at(0.5)),
    q1: r(at(0.25)),
    q3: r(at(0.75)),
    min: r(v[0] ?? NaN),
    max: r(v.at(-1) ?? NaN),
    n: v.length,
  };
}
