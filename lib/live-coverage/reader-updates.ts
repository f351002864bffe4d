import { LIVE_EVENT_KINDS } from '@/lib/domain-constants';
import { entryTitle } from '@/lib/standards/live-entries';
import { inReadingOrder, type LiveStreamEvent, type PublicLiveCoverage, type PublicLiveEntry } from './live-entry';

/**
 * A live page as one reader has it: what the page was rendered with, and every event since applied
 * as it arrived. An entry new to the reader waits in `held`, announced by the "N new updates" bar,
 * until they ask for it, so nothing is inserted above what they are reading; a reader still at the
 * top of the entries gets it at once. Edits, pins and removals apply in place at once: the reader
 * would otherwise read what the desk has corrected.
 */
export type ReaderCoverage = {
  keyPoints: string[];
  /** The entries shown, pinned first then newest first. */
  entries: PublicLiveEntry[];
  /** Posted since the page was rendered and not yet shown. */
  held: PublicLiveEntry[];
  ended: boolean;
  /** When coverage ended, if the page has been told. */
  endedAt: string | null;
  /** The reader missed more than the stream replays (a laptop asleep for hours): only a reload brings the page up to date. */
  stale: boolean;
  /** The newest of the entries last revealed: where the reader is taken. */
  revealedId: number | null;
  /** Said to screen readers when an entry is shown at once (the bar speaks for held ones). */
  announcement: string;
  /** The entry the announcement names: withdrawn with it, so a removed entry's words leave the page. */
  announcedId: number | null;
};

export type ReaderAction =
  /** `atTop`: the reader has not scrolled into the entries, so a new one shown above moves nothing they read. */
  | { type: 'event'; event: LiveStreamEvent; atTop: boolean }
  /** The reader asked for the held entries. */
  | { type: 'reveal' }
  /** The stream was refused because coverage has ended (its `end` event went to the readers connected then). */
  | { type: 'ended' }
  /** The stream cannot bring this page up to date (its `reload` event). */
  | { type: 'stale' };

export function readerCoverage(coverage: PublicLiveCoverage): ReaderCoverage {
  return {
    keyPoints: coverage.keyPoints,
    entries: coverage.entries,
    held: [],
    ended: coverage.endedAt !== null,
    endedAt: coverage.endedAt,
    stale: false,
    revealedId: null,
    announcement: '',
    announcedId: null,
  };
}

export function applyReaderAction(state: ReaderCoverage, action: ReaderAction): ReaderCoverage {
  switch (action.type) {
    case 'reveal': {
      if (state.held.length === 0) return state;
      const [newest] = [...state.held].sort((a, b) => b.postedAt.localeCompare(a.postedAt) || b.id - a.id);
      return { ...state, entries: inReadingOrder([...state.entries, ...state.held]), held: [], revealedId: newest?.id ?? null };
    }
    case 'ended':
      return { ...state, ended: true };
    case 'stale':
      return { ...state, stale: true };
    case 'event':
      return applyEvent(state, action.event, action.atTop);
  }
}

function applyEvent(state: ReaderCoverage, event: LiveStreamEvent, atTop: boolean): ReaderCoverage {
  switch (event.kind) {
    case 'entry': {
      const { entry } = event;
      if (state.entries.some((shown) => shown.id === entry.id)) return { ...state, entries: inReadingOrder(replaced(state.entries, entry)) };
      if (state.held.some((held) => held.id === entry.id)) return { ...state, held: replaced(state.held, entry) };
      if (atTop) {
        return { ...state, entries: inReadingOrder([...state.entries, entry]), announcement: `New update: ${entryTitle(entry) || 'a photo'}`, announcedId: entry.id };
      }
      return { ...state, held: [...state.held, entry] };
    }
    case 'remove':
      return {
        ...state,
        entries: state.entries.filter((entry) => entry.id !== event.id),
        held: state.held.filter((entry) => entry.id !== event.id),
        ...(state.announcedId === event.id ? { announcement: '', announcedId: null } : {}),
      };
    case 'summary':
      return { ...state, keyPoints: event.keyPoints };
    case 'end':
      return { ...state, ended: true, endedAt: event.endedAt };
  }
}

function replaced(entries: readonly PublicLiveEntry[], entry: PublicLiveEntry): PublicLiveEntry[] {
  return entries.map((candidate) => (candidate.id === entry.id ? entry : candidate));
}

/** An event's data as the stream sent it; null for anything that is not one (it is skipped, not fatal). */
export function streamEventFrom(data: string): LiveStreamEvent | null {
  try {
    const event = JSON.parse(data) as { kind?: unknown };
    return typeof event === 'object' && event !== null && (LIVE_EVENT_KINDS as readonly unknown[]).includes(event.kind) ? (event as LiveStreamEvent) : null;
  } catch {
    return null;
  }
}
