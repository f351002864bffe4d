import fs from 'node:fs';

/** A process's resident memory (VmRSS in /proc/<pid>/status), in MB: what the machine actually holds for it. */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
