/**
 * Runs the benchmarks and prints their figures against the targets:
 *   npm run bench                 all eleven
 *   npm run bench -- autosave     one: autosave | keystroke | bundle | photo-upload | public-site | revision-diff | archive-search | live-coverage | co-editing | story-changes | wire-queue
 * Figures, not pass/fail tests: the exit code is 0 even when a target is missed (a MISS line says so).
 * keystroke, bundle, public-site and live-coverage need the production build (`npm run build`); photo-upload's
 * next start leg does too, and is skipped without it.
 */
import os from 'node:os';
import { benchArchiveSearch } from './archive-search';
import { benchAutosave } from './autosave';
import { benchBundle } from './bundle';
import { benchCoEditing } from './co-editing';
import { benchKeystroke } from './keystroke';
import { benchLiveCoverage } from './live-coverage';
import { benchPhotoUpload } from './photo-upload';
import { benchPublicSite } from './public-site';
import { benchRevisionDiff } from './revision-diff';
import { benchStoryChanges } from './story-changes';
import { benchWireQueue } from './wire-queue';
import { machineCpuMs } from './support/cpu-time';

const BENCHES = {
  autosave: benchAutosave,
  keystroke: benchKeystroke,
  bundle: benchBundle,
  'photo-upload': benchPhotoUpload,
  'public-site': benchPublicSite,
  'revision-diff': benchRevisionDiff,
  'archive-search': benchArchiveSearch,
  'live-coverage': benchLiveCoverage,
  'co-editing': benchCoEditing,
  'story-changes': benchStoryChanges,
  'wire-queue': benchWireQueue,
} as const;
type BenchName = keyof typeof BENCHES;
/** Above this share of CPU time in use before we start, something else competes with what we time. */
const QUIET_CPU = 0.2;

/** The share of all CPUs' time spent busy over one second, from the kernel's counters. */
async function otherCpuUse(): Promise<number> {
  const before = machineCpuMs();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = machineCpuMs();
  const busy = after.busy - before.busy;
  return busy / (busy + after.idle - before.idle);
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  const names = (asked.length > 0 ? asked : Object.keys(BENCHES)) as BenchName[];
  const busy = await otherCpuUse();
  console.log(
    `Dateline benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ` +
      `CPUs ${(busy * 100).toFixed(0)}% busy before starting`,
  );
  // Timings on a shared machine are only as good as its quiet: say so rather than let a busy run pass as a figure.
  const warning =
    busy > QUIET_CPU
      ? `WARNING: something else was using ${(busy * 100).toFixed(0)}% of the CPUs when the benchmarks started: timings will be inflated; run again when the machine is quiet.`
      : null;
  if (warning) console.log(warning);

  const results: string[] = [];
  for (const name of names) {
    const pass = await BENCHES[name]();
    results.push(`${name}: ${pass ? 'all targets PASS' : 'a target was MISSED'}`);
  }
  console.log(`\n=== Summary ===\n${[...results, ...(warning ? [warning] : [])].join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
