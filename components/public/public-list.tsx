import { PhotoFigure } from '@/components/photos/photo-figure';
import { listFeedPath, listPath, olderPagePath, type ShownList } from '@/lib/public/public-lists';
import { StoryList } from './story-list';

const HEADINGS = { section: 'Section', tag: 'Topic', author: 'Author' } as const;

/**
 * A section's, tag's or author's page: its name, the section's description or the author's bio and
 * photo, the newest stories (or older ones), links to older and newer pages, and its feeds.
 * `<link rel="next/prev">` are hoisted into the head by React.
 */
export function PublicList({ shown, timeZone }: { shown: ShownList; timeZone: string }) {
  const { head, page } = shown;
  const newer = page.newer === null ? null : page.newer === 'first' ? listPath(head.kind, head.slug) : olderPagePath(head.kind, head.slug, page.newer);
  const older = page.older === null ? null : olderPagePath(head.kind, head.slug, page.older);
  return (
    <main id="content" className="public-main">
      {newer && <link rel="prev" href={newer} />}
      {older && <link rel="next" href={older} />}
      <header className="list-head">
        <p className="list-head__kind">{HEADINGS[head.kind]}</p>
        <h1>{head.name}</h1>
        {head.photo && <PhotoFigure photoId={head.photo.id} card={head.photo} use={{}} sizes="12rem" />}
        {head.about && <p className="list-head__about">{head.about}</p>}
        <p className="list-head__feeds">
          Follow: <a href={listFeedPath(head.kind, head.slug, 'rss')}>RSS</a> · <a href={listFeedPath(head.kind, head.slug, 'atom')}>Atom</a>
        </p>
      </header>
      {page.articles.length === 0 ? <p>No stories here yet.</p> : <StoryList articles={page.articles} timeZone={timeZone} />}
      {(newer || older) && (
        <nav className="list-pages" aria-label="More stories">
          {newer && <a href={newer}>Newer stories</a>}
          {older && <a href={older}>Older stories</a>}
        </nav>
      )}
    </main>
  );
}
