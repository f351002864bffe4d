import type { NotificationKind } from './domain-constants';

/** One line of the bell and of the notifications page. Times are ISO-8601 UTC. */
export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  articleId: number;
  /** The article's working headline as it is now, not as it was when the notification was made. */
  headline: string;
  /** Null when the system acted (the scheduler publishing). */
  actorName: string | null;
  /** The start of the comment a mention was made in. */
  commentExcerpt: string | null;
  createdAt: string;
  read: boolean;
};

/** A page of a person's notifications, newest first, with how many of all of them are unread. */
export type NotificationFeed = {
  items: NotificationItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  unreadCount: number;
};

export const COMMENT_EXCERPT_MAX = 140;

/** A comment's first words on one line, cut at a word where it can be and marked as cut. */
export function commentExcerpt(body: string): string {
  // Counted in code points, so a cut never splits an emoji or an accented letter's surrogate pair.
  const characters = [...body.replace(/\s+/g, ' ').trim()];
  if (characters.length <= COMMENT_EXCERPT_MAX) return characters.join('');
  const cut = characters.slice(0, COMMENT_EXCERPT_MAX).join('');
  const lastSpace = cut.lastIndexOf(' ');
  // A single very long word is cut where it stands rather than leaving almost nothing.
  const kept = lastSpace > COMMENT_EXCERPT_MAX / 2 ? cut.slice(0, lastSpace) : cut;
  return `${kept.trimEnd()}…`;
}

const SENTENCES: Record<NotificationKind, (actor: string | null, headline: string) => string> = {
  returned: (actor, headline) => `${actor ?? 'The desk'} returned ${headline} to you`,
  approved: (actor, headline) => `${actor ?? 'The desk'} approved ${headline}`,
  published: (actor, headline) => (actor ? `${headline} was published by ${actor}` : `${headline} was published`),
  mentioned: (actor, headline) => `${actor ?? 'Someone'} mentioned you on ${headline}`,
  lock_taken: (actor, headline) => `${actor ?? 'Someone'} took over editing ${headline}`,
};

/** The sentence a person reads for a notification, e.g. Cora Desk returned “Flood warning” to you. */
export function notificationText(item: Pick<NotificationItem, 'kind' | 'headline' | 'actorName'>): string {
  return SENTENCES[item.kind](item.actorName, `“${item.headline}”`);
}
