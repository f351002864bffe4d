import type { BodyDoc } from '@/lib/article-body';
import type { LiveEventKind } from '@/lib/domain-constants';
import type { FilingName } from '@/lib/filing';
import type { PublicAuthor, PublicPhoto } from '@/lib/public/public-article';

/**
 * One entry of a live story as readers see it, on the page, in the event stream, in the feeds and
 * the JSON. Times are ISO-8601 UTC. Body text is ProseMirror JSON that passed the article body's
 * schema check: it is rendered as React elements, never as HTML.
 */
export type PublicLiveEntry = {
  id: number;
  headline: string;
  body: BodyDoc;
  /** Every library photo the entry's body shows, by id. */
  photos: Record<number, PublicPhoto>;
  authors: PublicAuthor[];
  /** The time printed on it; never moves. */
  postedAt: string;
  /** The last edit after posting ("Updated HH:MM"); null until edited. */
  updatedAt: string | null;
  pinned: boolean;
};

/** A live story's coverage as its public page shows it. */
export type PublicLiveCoverage = {
  /** When coverage began: the first publish, or when a public story became live. */
  startedAt: string | null;
  /** Null while coverage is on. */
  endedAt: string | null;
  keyPoints: string[];
  /** Pinned first, then newest first (`inReadingOrder`). */
  entries: PublicLiveEntry[];
  /** The last event committed when this was read: the stream resumes after it. */
  lastEventId: number;
};

/** One entry as the live desk shows it: the public entry and who may do what to it. */
export type DeskLiveEntry = PublicLiveEntry & {
  version: number;
  postedById: number;
  postedByName: string;
  /** Its text's versions: the posted one, then one per edit. */
  revisionCount: number;
  removedAt: string | null;
  removedByName: string | null;
};

/** The live desk: the story's coverage, every entry (removed ones too), and the viewer's unposted entry. */
export type LiveDesk = {
  articleId: number;
  /** The story's owner: who besides the desk keeps its key points and ends its coverage. */
  authorId: number;
  headline: string;
  slug: string | null;
  /** On the public site now. */
  public: boolean;
  startedAt: string | null;
  endedAt: string | null;
  keyPoints: string[];
  entries: DeskLiveEntry[];
  draft: LiveEntryDraft | null;
  /** Author profiles an entry may credit, and the viewer's own (credited by default). */
  authors: FilingName[];
  ownAuthorId: number | null;
};

/** An entry being composed: autosaved on the server, and in the browser between saves. */
export type LiveEntryDraft = { headline: string; body: BodyDoc; authorIds: number[]; savedAt: string };

/** An entry's version, as its history lists it. */
export type LiveEntryRevision = {
  number: number;
  headline: string;
  bodyText: string;
  editedByName: string;
  createdAt: string;
};

/** What the event stream sends, one event per committed change (its id is the stream's event id). */
export type LiveStreamEvent =
  | { kind: 'entry'; entry: PublicLiveEntry }
  | { kind: 'remove'; id: number }
  | { kind: 'summary'; keyPoints: string[] }
  | { kind: 'end'; endedAt: string };

export type LiveStreamEventOf<Kind extends LiveEventKind> = Extract<LiveStreamEvent, { kind: Kind }>;

/** Pinned entries first, then the newest first; among pinned ones too. */
export function inReadingOrder<Entry extends Pick<PublicLiveEntry, 'id' | 'pinned' | 'postedAt'>>(entries: readonly Entry[]): Entry[] {
  return [...entries].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.postedAt.localeCompare(a.postedAt) || b.id - a.id,
  );
}

/** Where a live story's readers connect for its events. */
export function liveEventsPath(articleId: number): string {
  return `/live/${articleId}/events`;
}

/** An entry's own address on the story's page. */
export function entryAnchor(entryId: number): string {
  return `entry-${entryId}`;
}
