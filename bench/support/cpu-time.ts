import fs from 'node:fs';
import os from 'node:os';

/** Busy and idle milliseconds of all CPUs together since boot, from the kernel's counters. */
export function machineCpuMs(): { busy: number; idle: number } {
  return os.cpus().reduce(
    (sum, cpu) => {
      const { idle, ...rest } = cpu.times;
      return { idle: sum.idle + idle, busy: sum.busy + Object.values(rest).reduce((a, b) => a + b, 0) };
    },
    { idle: 0, busy: 0 },
  );
}

/** Linux reports process times in USER_HZ ticks, which is 100 a second on every architecture Node runs on. */
const TICK_MS = 10;

/** User + system CPU milliseconds another process has used, all threads, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
  // utime field 14 and stime field 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
