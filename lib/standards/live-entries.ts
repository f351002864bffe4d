// How the feeds, structured data and ninjs name and order a live story's entries.
import { bodyPlainText } from '@/lib/editor/body-text';
import type { PublicLiveEntry } from '@/lib/live-coverage/live-entry';

/** The longest title made from an entry's words: what Google shows of a headline. */
export const ENTRY_TITLE_MAX = 110;

const FIRST_SENTENCE = /^.+?[.!?…](?=\s|$)/u;

/**
 * What an entry is called where a title is required (feeds, structured data, ninjs): its headline,
 * or, since most entries are posted without one, its first sentence, cut at a word to fit. Empty
 * only for an entry that is nothing but an uncaptioned photo.
 */
export function entryTitle(entry: Pick<PublicLiveEntry, 'headline' | 'body'>): string {
  if (entry.headline) return entry.headline;
  const text = bodyPlainText(entry.body).replace(/\s+/g, ' ').trim();
  const sentence = FIRST_SENTENCE.exec(text)?.[0] ?? text;
  const characters = [...sentence];
  if (characters.length <= ENTRY_TITLE_MAX) return sentence;
  const cut = characters.slice(0, ENTRY_TITLE_MAX - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > ENTRY_TITLE_MAX / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * Newest posted first, as a feed reader sorts: pinning is the page's choice of what stays on top,
 * not news, so a feed or a partner's copy does not follow it.
 */
export function entriesNewestFirst<Entry extends Pick<PublicLiveEntry, 'id' | 'postedAt'>>(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => b.postedAt.localeCompare(a.postedAt) || b.id - a.id);
}
