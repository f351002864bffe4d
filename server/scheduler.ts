import 'server-only';
import { publishDueArticles } from '@/server/articles/publish-scheduled';
import { env } from '@/server/env';
import { log } from '@/server/log/logger';
import { gatherDueDigests } from '@/server/mail/gather-digests';
import { sendDueMail } from '@/server/mail/send-queued-mail';
import { pruneOldPublicChanges } from '@/server/public-cache/record-public-change';
import { sendDueCdnPurges } from '@/server/public-cache/send-cdn-purges';

/** Due articles go out within this long of their time (SCHEDULER_INTERVAL_SECONDS, 10 s unless set). */
export const schedulerIntervalMs = (): number => env().SCHEDULER_INTERVAL_SECONDS * 1000;

type SchedulerState = { timer?: ReturnType<typeof setInterval>; lastRunAt?: Date };
// On globalThis so that a second start in the same process (dev reloads) does not run two loops.
const state = ((globalThis as { datelineScheduler?: SchedulerState }).datelineScheduler ??= {});

function runOnce(): void {
  try {
    publishDueArticles(new Date());
    pruneOldPublicChanges();
    // Purges a CDN refused or missed earlier; new ones are sent as soon as their change commits.
    void sendDueCdnPurges();
    // Mail: each person's digest once its hour comes, then whatever is due, retries included.
    gatherDueDigests(new Date());
    sendDueMail().catch((error: unknown) => log.error({ err: error }, 'mail: a sending run failed; it tries again shortly'));
    state.lastRunAt = new Date();
  } catch (error) {
    log.error({ err: error }, 'scheduler: a run failed; it tries again shortly');
  }
}

/**
 * Starts publishing scheduled articles from this process: at once, for anything that fell due
 * while the server was down, then every schedulerIntervalMs().
 */
export function startScheduler(): void {
  if (state.timer) return;
  runOnce();
  state.timer = setInterval(runOnce, schedulerIntervalMs());
  // A pending run must not keep a finished process (a script, a test) alive.
  state.timer.unref();
}

export function stopScheduler(): void {
  clearInterval(state.timer);
  state.timer = undefined;
}

/** When the scheduler last completed a run: the health check's sign of life. */
export function schedulerLastRunAt(): Date | undefined {
  return state.lastRunAt;
}
