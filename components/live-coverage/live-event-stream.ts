import { LIVE_EVENT_KINDS } from '@/lib/domain-constants';
import { liveEventsPath, type LiveStreamEvent } from '@/lib/live-coverage/live-entry';
import { streamEventFrom } from '@/lib/live-coverage/reader-updates';

/** How long to wait before asking again after the stream was refused (a limit, the server restarting), doubled up to the most. */
const FIRST_RETRY_MS = 10_000;
const MOST_RETRY_MS = 300_000;

type Listener = {
  event(event: LiveStreamEvent): void;
  /** Coverage ended while this reader was not connected: the stream now answers 204. */
  ended(): void;
  /** The reader missed more events than the stream replays; it has stopped. */
  stale(): void;
};

/** Sent instead of the events to a reader who missed more than the stream replays. */
const RELOAD_EVENT = 'reload';

/**
 * Follows a live story's events from the one after `after` (the event its page was rendered at),
 * each applied once in order. The browser's EventSource reconnects by itself after a dropped
 * connection, sending the last event id it had (which the server prefers to `after`); it gives up
 * only when an answer is not a stream, and then the status says why: 204, coverage has ended; 404,
 * the story is no longer a public live story; anything else (429 over the limit, a restart), try
 * again later from the last event. Stops at the `end` event, and when told the page is too far
 * behind to catch up. Returns what stops it.
 */
export function followLiveEvents(articleId: number, after: number, on: Listener): () => void {
  let last = after;
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let wait = FIRST_RETRY_MS;
  const stopped = new AbortController();
  const url = () => `${liveEventsPath(articleId)}?after=${last}`;

  function receive(message: MessageEvent<string>) {
    const id = Number(message.lastEventId);
    if (Number.isSafeInteger(id) && id > 0) {
      // Already applied: sent again across a reconnection.
      if (id <= last) return;
      last = id;
    }
    const event = streamEventFrom(message.data);
    if (!event) return;
    wait = FIRST_RETRY_MS;
    on.event(event);
    if (event.kind === 'end') stop();
  }

  function open() {
    const opened = new EventSource(url());
    source = opened;
    for (const kind of LIVE_EVENT_KINDS) opened.addEventListener(kind, receive);
    opened.addEventListener(RELOAD_EVENT, () => {
      stop();
      on.stale();
    });
    opened.addEventListener('error', () => {
      if (opened.readyState === EventSource.CLOSED) void askWhyRefused();
    });
  }

  async function askWhyRefused() {
    source = null;
    let status = 0;
    let retryAfter = 0;
    try {
      const response = await fetch(url(), { headers: { accept: 'text/event-stream' }, cache: 'no-store', signal: stopped.signal });
      status = response.status;
      retryAfter = Number(response.headers.get('retry-after')) * 1000 || 0;
      await response.body?.cancel();
    } catch {
      // Offline, or stopped: try again later, if still following.
    }
    if (stopped.signal.aborted) return;
    if (status === 204) return on.ended();
    if (status === 404) return;
    retry = setTimeout(open, Math.max(wait, retryAfter));
    wait = Math.min(wait * 2, MOST_RETRY_MS);
  }

  function stop() {
    stopped.abort();
    clearTimeout(retry);
    source?.close();
    source = null;
  }

  open();
  return stop;
}
