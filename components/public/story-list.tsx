import { WireStamp } from '@/components/article/wire-stamp';
import { shownPhoto } from '@/lib/photos/photo-use';
import { thumbnailUrl } from '@/lib/photos/renditions';
import { publicPath, type PublicTeaser } from '@/lib/public/public-article';
import { wireStamp } from '@/lib/wire-timestamp';

/**
 * A list of stories (the front page's, a section's, tag's or author's): each story's headline,
 * standfirst, stamp and a small lead picture. Headlines are `h3` under a heading of their own.
 */
export function StoryList({ articles, timeZone, headingLevel = 2 }: { articles: PublicTeaser[]; timeZone: string; headingLevel?: 2 | 3 }) {
  const Headline = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ol className="story-list">
      {articles.map((article) => {
        const lead = article.leadPhoto;
        const card = lead ? article.photos[lead.photoId] : undefined;
        return (
          <li key={article.id} className="story-list__item">
            <article>
              <Headline>
                {article.coveredLive && <span className="story-list__live">Live</span>}
                <a href={publicPath(article.slug)}>{article.headline}</a>
              </Headline>
              {article.standfirst && <p>{article.standfirst}</p>}
              <WireStamp stamp={wireStamp(article, timeZone)} />
            </article>
            {lead && card && (
              // eslint-disable-next-line @next/next/no-img-element -- renditions are already sized; next/image would resize them again
              <img src={thumbnailUrl(card)} alt={shownPhoto(card, lead).alt} width={160} height={Math.round((160 * card.height) / card.width)} loading="lazy" />
            )}
          </li>
        );
      })}
    </ol>
  );
}
