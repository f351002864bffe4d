/**
 * SQLite answers SQLITE_BUSY when another connection holds the write lock. `busy_timeout` makes a
 * writer wait for it, but SQLite skips that wait in a few cases (a WAL being recovered, a read
 * transaction that tries to become a write one, a lock held past the timeout by another process:
 * a backup, Litestream, a shell). Whole transactions are re-run a few times here, so a person sees
 * a slow save at worst, never the error.
 */

/** Attempts in all, and the pause before each retry (ms, before jitter). */
const PAUSES_MS = [20, 80, 250];

/** SQLITE_BUSY and its extended codes, also when wrapped (drizzle puts driver errors in `cause`). */
export function isSqliteBusy(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
    current = current.cause;
  }
  return false;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * better-sqlite3 is synchronous, so the pause is too: a request that could not write has nothing
 * else to do, and yielding would let it interleave with the next request's transaction.
 */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Runs `work` (a whole transaction: it rolled back when it threw, so running it again is safe), again
 * after a short pause while SQLite says BUSY. `onRetry` hears of each retry, for the logs.
 */
export function retryWhenBusy<T>(work: () => T, onRetry?: (attempt: number, error: unknown) => void): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return work();
    } catch (error) {
      const waitMs = PAUSES_MS[attempt - 1];
      if (waitMs === undefined || !isSqliteBusy(error)) throw error;
      onRetry?.(attempt, error);
      pause(waitMs + Math.random() * waitMs);
    }
  }
}
