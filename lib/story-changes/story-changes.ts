import type { RevisionDiff } from '@/lib/revisions/revision-diff';
import { publicPath } from '@/lib/public/public-article';

/**
 * A story's public history as readers see it (docs/decisions/024): each version the public read,
 * newest first. Minor fixes are not versions of their own; what they changed is in the diff of the
 * next version listed. All text has been through the story's legal removals. Times are ISO-8601 UTC.
 */

/** The revisions readers read: each publish of the story. The desk's own steps never were public. */
export const PUBLIC_REVISION_KINDS = ['publish', 'update', 'correction', 'minor_fix'] as const;

/** The kinds of publish a reader is told about, with the name they are given. */
export const LISTED_KINDS = { publish: 'First published', update: 'Update', correction: 'Correction' } as const;
export type ListedKind = keyof typeof LISTED_KINDS;

export type StoryVersion = {
  /** The revision's number: the story's public version. */
  number: number;
  kind: ListedKind;
  /** When it went out. */
  at: string;
  /** A correction's note for readers; null for other kinds. */
  note: string | null;
  /** Who published it, as the newsroom's settings name them: their role, or the desk. */
  publishedBy: string;
  /** Minor fixes published since the version before, whose changes this version's diff holds. */
  foldedMinorFixes: number;
  /** Against the version listed before it; null for the first publish, which has none. */
  diff: RevisionDiff | null;
};

export type StoryChanges = {
  articleId: number;
  slug: string;
  /** The story's headline now. */
  headline: string;
  /** Withdrawn: its history is still public, its page answers 410. */
  withdrawn: boolean;
  /** How many versions are listed in all. */
  listedCount: number;
  /** Minor fixes published after the newest listed version: in the story as it reads now, in no diff. */
  minorFixesSince: number;
  /** This page's versions, newest first. */
  versions: StoryVersion[];
  /** Where the next newer and older pages are; null at either end. */
  newerPath: string | null;
  olderPath: string | null;
  /** The library photos the versions show, for the response's surrogate keys. */
  photoIds: number[];
};

/** How many versions a page of the history lists; the Atom feed and the JSON carry the newest this many. */
export const CHANGES_PAGE_SIZE = 20;

/** The story's changes page: `/news/<slug>/changes`, older pages at `…/changes/before/<version>`. */
export function changesPath(slug: string, before?: number): string {
  return `${publicPath(slug)}/changes${before === undefined ? '' : `/before/${before}`}`;
}

export function changesFeedPath(slug: string, format: 'atom' | 'json'): string {
  return `${publicPath(slug)}/changes.${format}`;
}

/** A version's place on its page, for links from the feed, the JSON and the JSON-LD. */
export function versionAnchor(number: number): string {
  return `version-${number}`;
}

/** What a reader is told a version was. */
export function versionLabel(version: Pick<StoryVersion, 'kind'>): string {
  return LISTED_KINDS[version.kind];
}
