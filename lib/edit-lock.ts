/**
 * The soft edit lock: whoever has the article open for editing renews it by heartbeat; a lock with
 * no heartbeat for LOCK_TTL_MS lapses by itself, so a closed laptop never blocks the desk.
 */
export const LOCK_TTL_MS = 60_000;
export const HEARTBEAT_MS = 15_000;

/** The lock as a screen sees it. */
export type EditLockState = {
  /** True when the asking person holds the lock. */
  mine: boolean;
  holder: { id: number; name: string } | null;
  /** ISO-8601: when the holder took the lock. */
  since: string | null;
};

export function isLockLive(heartbeatAt: Date | null, now: Date): boolean {
  return heartbeatAt !== null && now.getTime() - heartbeatAt.getTime() < LOCK_TTL_MS;
}
