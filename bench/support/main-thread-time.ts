import fs from 'node:fs';

/**
 * Time of a Node process's main thread, the one that runs its JavaScript, in milliseconds since it
 * started: on a CPU, and runnable but waiting for one (the scheduler's run-queue delay). The whole
 * process's CPU time (`processCpuMs`) also counts its other threads (garbage collection, libuv's
 * pool, where zlib compresses), so it can pass one core while the JavaScript is held to one.
 */
export function mainThreadMs(pid: number): { onCpu: number; waiting: number } {
  // Nanoseconds: time on a CPU, time waiting on a run queue, timeslices run.
  const [onCpu, waiting] = fs.readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
  return { onCpu: onCpu! / 1e6, waiting: waiting! / 1e6 };
}
