import os from 'node:os';
import { machineCpuMs, processCpuMs } from './cpu-time';
import { mainThreadMs } from './main-thread-time';

/** The last 1, 5 and 15 minutes' load averages, as `uptime` prints them. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

/** A process to account for: the first one's JavaScript thread is followed too (on a CPU, and waiting for one). */
export type MeteredProcess = { label: string; pid: number };

/**
 * Where the CPUs go from now until the returned function is called, as a line to print: each
 * process's cores, this bench's, everything else's (other processes on a shared machine), and how
 * busy the CPUs were.
 */
export function cpuMeter(processes: readonly MeteredProcess[]): () => string {
  const started = Date.now();
  const machine = machineCpuMs();
  const before = processes.map(({ pid }) => processCpuMs(pid));
  const [first] = processes;
  const firstMain = first ? mainThreadMs(first.pid) : undefined;
  const self = process.cpuUsage();
  return () => {
    const wall = Date.now() - started;
    const after = machineCpuMs();
    const busy = after.busy - machine.busy;
    const selfUsed = process.cpuUsage(self);
    const cores = processes.map(({ pid }, i) => (processCpuMs(pid) - before[i]!) / wall);
    const selfCores = (selfUsed.user + selfUsed.system) / 1000 / wall;
    const other = Math.max(0, busy / wall - cores.reduce((sum, x) => sum + x, 0) - selfCores);
    const described = processes.map(({ label }, i) => {
      if (i > 0 || !first || !firstMain) return `${label} ${cores[i]!.toFixed(2)}`;
      const main = mainThreadMs(first.pid);
      return (
        `${label} ${cores[i]!.toFixed(2)} (its JavaScript thread on a CPU ${(((main.onCpu - firstMain.onCpu) / wall) * 100).toFixed(0)}% of the time, ` +
        `runnable but waiting for one ${(((main.waiting - firstMain.waiting) / wall) * 100).toFixed(0)}%)`
      );
    });
    return (
      `CPU in cores of ${os.cpus().length} over ${(wall / 1000).toFixed(0)} s: ${[...described, `this bench ${selfCores.toFixed(2)}`, `other processes ${other.toFixed(2)}`].join(', ')}; ` +
      `CPUs ${((busy / (busy + after.idle - machine.idle)) * 100).toFixed(0)}% busy; load average ${loadAverage()}`
    );
  };
}
