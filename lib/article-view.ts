import type { ArticleDraft } from './article-draft';
import type { ArticleStatus, RevisionKind } from './domain-constants';
import type { PhotoCard, PublishBlocker } from './photos/photo-use';

/** One article as the editing screen shows it: its lifecycle and its working copy. */
export type ArticleView = ArticleDraft & {
  id: number;
  status: ArticleStatus;
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
};

/** One line of the desk list. */
export type DeskArticle = {
  id: number;
  headline: string;
  status: ArticleStatus;
  authorName: string;
  lastEditedAt: string;
};
