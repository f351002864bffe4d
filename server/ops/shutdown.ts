import 'server-only';
import { checkpointAndClose } from '@/db/client';
import { log } from '@/server/log/logger';
import { stopScheduler } from '@/server/scheduler';

/**
 * If draining takes longer than this, exit anyway: Docker and systemd send SIGKILL at 10 s and
 * 90 s, and a checkpointed, closed database is worth more than a request still waiting.
 */
const DRAIN_DEADLINE_MS = 8_000;

type ShutdownState = { installed?: boolean; since?: Date };
// On globalThis: the health route, bundled apart from instrumentation, must see the same state.
const state = ((globalThis as { datelineShutdown?: ShutdownState }).datelineShutdown ??= {});

/** When the process was asked to stop, if it was: the health check then answers 503. */
export function shutdownRequestedAt(): Date | undefined {
  return state.since;
}

/**
 * Graceful stop, in three parts:
 * 1. the server (server/http/start-server.ts), on SIGTERM/SIGINT, closes the listening socket and
 *    waits for the requests in flight (a save is one synchronous SQLite transaction, so it is never
 *    cut in half), then calls `process.exit`; here we only add to that:
 * 2. on the signal: the health check turns 503, the scheduler stops taking new runs, and a
 *    deadline forces the exit if draining hangs;
 * 3. on exit (synchronous, as better-sqlite3 is): checkpoint the WAL into the file and close it.
 */
export function installGracefulShutdown(): void {
  if (state.installed) return;
  state.installed = true;
  const begin = (signal: NodeJS.Signals) => {
    if (state.since) return;
    state.since = new Date();
    log.info({ signal }, 'shutdown: draining requests in flight');
    stopScheduler();
    setTimeout(() => {
      log.error({ deadlineMs: DRAIN_DEADLINE_MS }, 'shutdown: requests still in flight at the deadline; exiting');
      process.exit(1);
    }, DRAIN_DEADLINE_MS).unref();
  };
  process.once('SIGTERM', begin);
  process.once('SIGINT', begin);
  process.once('exit', (code) => {
    try {
      const checkpoint = checkpointAndClose();
      log.info({ code, walCheckpointed: checkpoint ? !checkpoint.busy : undefined }, 'shutdown: database checkpointed and closed');
    } catch (error) {
      log.error({ err: error }, 'shutdown: checkpoint failed; the WAL is replayed at the next start');
    }
  });
}
