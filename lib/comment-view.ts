/** Comments on an article as the browser gets them. Times are ISO-8601 UTC. */

/** Someone a comment names with `@` and their full name. */
export type CommentMention = { userId: number; name: string };

export type CommentView = {
  id: number;
  authorName: string;
  /** Plain text, as typed: never HTML. */
  body: string;
  createdAt: string;
  mentions: CommentMention[];
};

/**
 * The passage a thread points at, looked for again in the current working copy: `deleted` once its
 * words are no longer there (deleted, or reworded).
 */
export type CommentAnchorView = { quote: string; state: 'found' | 'deleted' };

/** A top-level comment and its replies, oldest first. */
export type CommentThread = CommentView & {
  anchor: CommentAnchorView | null;
  resolved: { byName: string; at: string } | null;
  replies: CommentView[];
};
