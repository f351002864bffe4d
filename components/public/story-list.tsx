import { WireStamp } from '@/components/article/wire-stamp';
import { shownPhoto } from '@/lib/photos/photo-use';
import { thumbnailUrl } from '@/lib/photos/renditions';
import { publicPath, type PublicTeaser } from '@/lib/public/public-article';
import { wireStamp } from '@/lib/wire-timestamp';

/** The front page's list: each story's headline, standfirst, stamp and a small lead picture. */
export function StoryList({ articles, timeZone }: { articles: PublicTeaser[]; timeZone: string }) {
  return (
    <ol className="story-list">
      {articles.map((article) => {
        const lead = article.leadPhoto;
        const card = lead ? article.photos[lead.photoId] : undefined;
        return (
          <li key={article.id} className="story-list__item">
            <article>
              <h2>
                <a href={publicPath(article.slug)}>{article.headline}</a>
              </h2>
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
