'use client';

import { createContext, type ReactNode, type RefObject, useCallback, useContext, useEffect, useReducer, useRef } from 'react';
import { entryAnchor, type PublicLiveCoverage } from '@/lib/live-coverage/live-entry';
import { applyReaderAction, readerCoverage, type ReaderCoverage } from '@/lib/live-coverage/reader-updates';
import { formatWireTime } from '@/lib/wire-timestamp';
import { followLiveEvents } from './live-event-stream';
import { LiveStoryEntries } from './live-story-entries';

type LiveView = { coverage: ReaderCoverage; entriesRef: RefObject<HTMLElement | null>; reveal: () => void };

const LiveContext = createContext<LiveView | null>(null);

function useLiveView(): LiveView {
  const view = useContext(LiveContext);
  if (!view) throw new Error('A live story’s parts render inside LiveUpdates.');
  return view;
}

/**
 * A live story's page kept current for its reader: while coverage is on, its events stream in from
 * the one after the page's own, and the label, key points and entries below follow them. Rendered
 * on the server with the page's coverage, so without JavaScript the page is complete as loaded.
 */
export function LiveUpdates({ articleId, coverage, children }: { articleId: number; coverage: PublicLiveCoverage; children: ReactNode }) {
  const [state, dispatch] = useReducer(applyReaderAction, coverage, readerCoverage);
  const entriesRef = useRef<HTMLElement>(null);
  const { ended, stale, revealedId } = state;

  useEffect(() => {
    if (ended || stale) return;
    return followLiveEvents(articleId, coverage.lastEventId, {
      event: (event) => dispatch({ type: 'event', event, atTop: hasNotReachedEntries(entriesRef.current) }),
      ended: () => dispatch({ type: 'ended' }),
      stale: () => dispatch({ type: 'stale' }),
    });
  }, [articleId, coverage.lastEventId, ended, stale]);

  // The reader asked for the new updates: take them to the newest, as a link to it would.
  useEffect(() => {
    if (revealedId === null) return;
    const entry = document.getElementById(entryAnchor(revealedId));
    entry?.scrollIntoView({ block: 'start' });
    entry?.focus({ preventScroll: true });
  }, [revealedId]);

  const reveal = useCallback(() => dispatch({ type: 'reveal' }), []);
  return <LiveContext value={{ coverage: state, entriesRef, reveal }}>{children}</LiveContext>;
}

/**
 * Whether the top of the entries is still in view or below it: an entry shown at their top then
 * moves nothing the reader has begun to read.
 */
function hasNotReachedEntries(entries: HTMLElement | null): boolean {
  return entries !== null && entries.getBoundingClientRect().top >= 0;
}

/** "Live" above the headline while coverage is on. */
export function LiveLabel() {
  const { coverage } = useLiveView();
  return coverage.ended ? null : <p className="live-label">Live</p>;
}

/** The story's summary, as the desk keeps it; replaced whole when they change it. */
export function LiveKeyPoints() {
  const { keyPoints } = useLiveView().coverage;
  if (keyPoints.length === 0) return null;
  return (
    <section className="live-key-points" aria-labelledby="live-key-points-title">
      <h2 id="live-key-points-title">Key points</h2>
      <ul>
        {keyPoints.map((point, index) => (
          <li key={index}>{point}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The entries, with the bar that announces new ones the reader has not been shown (a polite live
 * region: the count is read out, and a click shows them), and the end of coverage once it comes.
 */
export function LiveEntries({ coverageStart, timeZone }: { coverageStart: string | null; timeZone: string }) {
  const { coverage, entriesRef, reveal } = useLiveView();
  const { held, ended, endedAt, stale, entries, announcement } = coverage;
  return (
    <section className="live-updates" aria-labelledby="live-updates-title" ref={entriesRef}>
      <h2 id="live-updates-title">Updates</h2>
      <div className="live-updates__bar" role="status">
        {stale ? (
          <button type="button" className="live-updates__new" onClick={() => window.location.reload()}>
            Reload for the latest updates
          </button>
        ) : held.length > 0 ? (
          <button type="button" className="live-updates__new" onClick={reveal}>
            {held.length === 1 ? '1 new update' : `${held.length} new updates`}
          </button>
        ) : (
          <span className="visually-hidden">{announcement}</span>
        )}
      </div>
      {/* A live region from the start, so the end is read out when it comes. */}
      <div role="status">
        {ended && (
          <p className="live-updates__ended">
            Live coverage ended
            {endedAt && (
              <>
                {' '}
                <time dateTime={endedAt}>{formatWireTime(endedAt, timeZone)}</time>
              </>
            )}
          </p>
        )}
      </div>
      {entries.length === 0 && !ended && <p className="live-updates__none">No updates yet.</p>}
      <LiveStoryEntries entries={entries} coverageStart={coverageStart} timeZone={timeZone} />
    </section>
  );
}
