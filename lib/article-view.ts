import type { BodyDoc } from './article-body';
import type { ArticleStatus, RevisionKind } from './domain-constants';

/** One article as the editing screen shows it: its lifecycle and its working copy. */
export type ArticleView = {
  id: number;
  status: ArticleStatus;
  version: number;
  authorId: number;
  authorName: string;
  headline: string;
  standfirst: string;
  datelinePlace: string;
  datelineSource: string;
  byline: string;
  body: BodyDoc;
  revisionNumber: number;
  revisionKind: RevisionKind;
  /** ISO-8601 UTC. */
  lastEditedAt: string;
  lastEditedByName: string | null;
};

/** One line of the desk list. */
export type DeskArticle = {
  id: number;
  headline: string;
  status: ArticleStatus;
  authorName: string;
  lastEditedAt: string;
};
