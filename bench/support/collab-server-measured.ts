/**
 * The co-editing server as tests/collab-server-process.ts runs it, answering one more question over
 * IPC for bench/co-editing.ts: its memory after a full garbage collection (run Node with
 * --expose-gc), which, unlike the resident size alone, does not move with when V8 last collected.
 */
import '../../tests/collab-server-process';

export type ServerMemory = NodeJS.MemoryUsage;

process.on('message', (question: unknown) => {
  if (question !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('collab-server-measured needs node --expose-gc');
  gc();
  process.send!(process.memoryUsage() satisfies ServerMemory);
});

// Exits as a process does when it ends normally, so that Node writes what it was asked to on the way out (--cpu-prof).
process.once('SIGTERM', () => process.exit(0));
