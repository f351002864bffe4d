/** Percentiles and the one-line verdicts every benchmark prints. */

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile of an ascending list (p in 0..100). */
function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    n: sorted.length,
    p50: nearestRank(sorted, 50),
    p95: nearestRank(sorted, 95),
    p99: nearestRank(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

export const ms = (x: number, digits = 2) => `${x.toFixed(digits)} ms`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function describeMs(label: string, s: Summary): string {
  return `${label.padEnd(44)} n=${String(s.n).padStart(5)}  p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}  max ${ms(s.max).padStart(10)}`;
}

/** Prints a target's verdict; a miss says by how much. Returns whether it passed. */
export function verdict(name: string, figure: number, target: number, unit: 'ms' | 'kB' | 'MB'): boolean {
  const pass = figure < target;
  const show = (x: number) => (unit === 'ms' ? ms(x) : `${x.toFixed(1)} ${unit}`);
  const over = pass ? '' : ` (over by ${show(figure - target)}, ${(figure / target).toFixed(2)}× the target)`;
  console.log(`TARGET ${name}: ${show(figure)} vs < ${show(target)} -> ${pass ? 'PASS' : 'MISS'}${over}`);
  return pass;
}

/** The same for a figure that must reach its target, such as a throughput ratio. */
export function verdictAtLeast(name: string, figure: number, target: number, unit: '×'): boolean {
  const pass = figure >= target;
  const under = pass ? '' : ` (short by ${(target - figure).toFixed(2)}${unit})`;
  console.log(`TARGET ${name}: ${figure.toFixed(2)}${unit} vs ≥ ${target.toFixed(2)}${unit} -> ${pass ? 'PASS' : 'MISS'}${under}`);
  return pass;
}

/** The same for a figure that may reach its target but not pass it: a count that must stay 0, a ratio within 2×. */
export function verdictAtMost(name: string, figure: number, target: number, unit: '' | '×'): boolean {
  const pass = figure <= target;
  const show = (x: number) => (unit === '×' ? `${x.toFixed(2)}×` : x.toLocaleString('en'));
  const over = pass ? '' : ` (over by ${show(figure - target)})`;
  console.log(`TARGET ${name}: ${show(figure)} vs ≤ ${show(target)} -> ${pass ? 'PASS' : 'MISS'}${over}`);
  return pass;
}

export function heading(title: string): void {
  console.log(`\n=== ${title} ===`);
}
