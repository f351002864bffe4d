import { ArticleBodyView } from '@/components/article/article-body-view';
import { entryStamp } from '@/lib/live-coverage/entry-stamp';
import { entryAnchor, type PublicLiveEntry } from '@/lib/live-coverage/live-entry';
import type { PublicAuthor } from '@/lib/public/public-article';
import { listPath } from '@/lib/public/public-lists';

type Props = {
  entries: readonly PublicLiveEntry[];
  /** When coverage began: an entry posted on a later day prints its date. */
  coverageStart: string | null;
  timeZone: string;
};

/**
 * A live story's entries in the order given, each an `<article>` at its own address on the page
 * (`#entry-<id>`): Pinned, its time as the wire prints it and "Updated" once edited, its headline
 * if it has one, the body (photos with caption and credit), and its authors linked to their pages.
 * No hooks: the server renders it into the page, and the reader's browser re-renders it as events
 * arrive. Every text goes through React, escaped.
 */
export function LiveStoryEntries({ entries, coverageStart, timeZone }: Props) {
  return entries.map((entry) => <LiveStoryEntry key={entry.id} entry={entry} coverageStart={coverageStart} timeZone={timeZone} />);
}

function LiveStoryEntry({ entry, coverageStart, timeZone }: { entry: PublicLiveEntry } & Omit<Props, 'entries'>) {
  const stamp = entryStamp(entry, coverageStart, timeZone);
  const anchor = entryAnchor(entry.id);
  return (
    // Focusable from script only: revealing new updates takes the reader to the newest.
    <article id={anchor} className={entry.pinned ? 'live-entry live-entry--pinned' : 'live-entry'} tabIndex={-1}>
      <header className="live-entry__head">
        {entry.pinned && <p className="live-entry__pinned">Pinned</p>}
        <p className="live-entry__time">
          <a href={`#${anchor}`}>
            <time dateTime={stamp.posted.iso}>{stamp.posted.text}</time>
          </a>
          {stamp.updated && (
            <>
              {' · Updated '}
              <time dateTime={stamp.updated.iso}>{stamp.updated.text}</time>
            </>
          )}
        </p>
        {entry.headline && <h3>{entry.headline}</h3>}
      </header>
      <ArticleBodyView body={entry.body} photos={entry.photos} />
      <EntryAuthors authors={entry.authors} />
    </article>
  );
}

/** "By Ana Lima and Tom Ruiz", each name linked to the author's page. */
function EntryAuthors({ authors }: { authors: readonly PublicAuthor[] }) {
  if (authors.length === 0) return null;
  return (
    <p className="live-entry__authors">
      {'By '}
      {authors.map((author, index) => (
        <span key={author.id}>
          {index === 0 ? '' : index === authors.length - 1 ? ' and ' : ', '}
          <a href={listPath('author', author.slug)}>{author.name}</a>
        </span>
      ))}
    </p>
  );
}
