import type { ArticleFiling } from './filing';
import type { ArticleDraft } from './article-draft';
import type { ArticleFormat, ArticleStatus, RevisionKind } from './domain-constants';
import type { PhotoCard } from './photos/photo-use';
import type { PublishBlocker } from './publish-blockers';

/**
 * The copy desk's note on an article it sent back, shown to the writer until they resubmit, with
 * the revisions that bound the desk's own changes: as submitted, and as returned.
 */
export type ReturnNote = { note: string; byName: string; at: string; submittedRevision: number | null; returnedRevision: number };

/** Where an article stands on the public site. Times are ISO-8601 UTC. */
export type ArticlePublication = {
  /** The public address is `/news/<slug>`; null until the story is given one (at the latest, when published). */
  slug: string | null;
  /** On the public site now. */
  live: boolean;
  /** The working copy differs from what the public site shows. */
  hasUnpublishedChanges: boolean;
  liveRevisionNumber: number | null;
  firstPublishedAt: string | null;
  /** The public "Updated" stamp: the last Update or Correction. */
  updatedAt: string | null;
  withdrawnAt: string | null;
  scheduledFor: string | null;
  scheduledByName: string | null;
  /** Why the last scheduled publish did not happen. */
  scheduleFailure: string | null;
};

/** One article as the editing screen shows it: its lifecycle and its working copy. */
export type ArticleView = ArticleDraft &
  ArticlePublication & {
    id: number;
    status: ArticleStatus;
    /** A plain story, or a live story with entries posted on its live desk. */
    format: ArticleFormat;
    version: number;
    authorId: number;
    authorName: string;
    revisionNumber: number;
    revisionKind: RevisionKind;
    /** ISO-8601 UTC. */
    lastEditedAt: string;
    lastEditedByName: string | null;
    /** The library photos the working copy uses, by id, to show them. */
    photos: Record<number, PhotoCard>;
    /** What stops the working copy being published, as of this save. */
    publishBlockers: PublishBlocker[];
    returnNote: ReturnNote | null;
    /** Its section, tags and credited authors: the article's, not a revision's. */
    filing: ArticleFiling;
  };

/** One line of the desk list. */
export type DeskArticle = {
  id: number;
  headline: string;
  status: ArticleStatus;
  live: boolean;
  scheduledFor: string | null;
  scheduleFailure: string | null;
  /** The byline's people in order, or the account that owns the story while it credits nobody. */
  authorName: string;
  sectionName: string | null;
  lastEditedAt: string;
  firstPublishedAt: string | null;
  /**
   * With a search: the headline and the best passage, the matched words between the marks of
   * lib/search/highlight.ts. Plain text, never HTML.
   */
  match: { headline: string; snippet: string } | null;
};
