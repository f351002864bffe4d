import type { ReactNode } from 'react';
import { ArticleBodyView } from '@/components/article/article-body-view';
import { WireStamp } from '@/components/article/wire-stamp';
import { PhotoFigure } from '@/components/photos/photo-figure';
import { datelineLede } from '@/lib/dateline';
import { LEAD_PHOTO_SIZES } from '@/lib/photos/renditions';
import type { PublicArticle, PublicAuthor } from '@/lib/public/public-article';
import { listPath } from '@/lib/public/public-lists';
import { changesPath } from '@/lib/story-changes/story-changes';
import { formatWireTime, wireStamp } from '@/lib/wire-timestamp';

type Props = {
  article: PublicArticle;
  timeZone: string;
  /** Above the headline: a live story's "Live" label. */
  label?: ReactNode;
  /** After the body: a live story's key points and entries. */
  children?: ReactNode;
  /** A story made from agency copy prints the agency's copyright notice at its foot. */
  agencyCopyright?: string | null;
};

/**
 * A published story as readers see it: headline, standfirst, byline, the wire stamp, the lead
 * photo with its credit and caption, the body opening with the dateline, and the corrections.
 */
export function PublicStory({ article, timeZone, label, children, agencyCopyright }: Props) {
  const lead = article.leadPhoto;
  const { section, tags } = article.filing;
  return (
    <article className={article.live ? 'story story--live' : 'story'}>
      <header className="story__head">
        {label}
        {section && (
          <p className="story__section">
            <a href={listPath('section', section.slug)}>{section.name}</a>
          </p>
        )}
        <h1>{article.headline}</h1>
        {article.standfirst && <p className="story__standfirst">{article.standfirst}</p>}
        <Byline byline={article.byline} authors={article.filing.authors} />
        {/* Only an Update or a Correction moves the stamp; a story without one has no history to show. */}
        <WireStamp stamp={wireStamp(article, timeZone)} changesPath={article.updatedAt === null ? undefined : changesPath(article.slug)} />
      </header>
      {lead && <PhotoFigure photoId={lead.photoId} card={article.photos[lead.photoId]} use={lead} sizes={LEAD_PHOTO_SIZES} eager />}
      <ArticleBodyView body={article.body} photos={article.photos} lede={datelineLede(article.datelinePlace, article.datelineSource)} />
      {children}
      {agencyCopyright && <p className="story__rights">{agencyCopyright}</p>}
      {tags.length > 0 && (
        <nav className="story__tags" aria-label="Topics">
          <ul>
            {tags.map((tag) => (
              <li key={tag.id}>
                <a href={listPath('tag', tag.slug)}>{tag.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {article.corrections.length > 0 && (
        <aside className="story__corrections" aria-labelledby="corrections-title">
          <h2 id="corrections-title">Corrections</h2>
          <ul>
            {article.corrections.map((correction) => (
              <li key={correction.at}>
                <time dateTime={correction.at}>{formatWireTime(correction.at, timeZone)}</time>: {correction.note}
              </li>
            ))}
          </ul>
        </aside>
      )}
    </article>
  );
}

/**
 * The byline as the desk wrote it, each credited author's name in it linked to their page. A byline
 * naming none of them (wire copy: "By Agency staff") stays as written; with no byline at all, the
 * authors' names stand in.
 */
function Byline({ byline, authors }: { byline: string; authors: PublicAuthor[] }) {
  const text = byline || authors.map((author) => author.name).join(', ');
  if (!text) return null;
  const named = authors.filter((author) => author.name && text.includes(author.name));
  if (named.length === 0) return <p className="story__byline">{text}</p>;
  const pattern = new RegExp(`(${named.map((author) => author.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return (
    <p className="story__byline">
      {text.split(pattern).map((part, index) => {
        const author = index % 2 === 1 ? named.find((candidate) => candidate.name === part) : undefined;
        return author ? (
          <a key={index} href={listPath('author', author.slug)}>
            {part}
          </a>
        ) : (
          part
        );
      })}
    </p>
  );
}
