import { ArticleBodyView } from '@/components/article/article-body-view';
import { WireStamp } from '@/components/article/wire-stamp';
import { PhotoFigure } from '@/components/photos/photo-figure';
import { datelineLede } from '@/lib/dateline';
import { LEAD_PHOTO_SIZES } from '@/lib/photos/renditions';
import type { PublicArticle } from '@/lib/public/public-article';
import { formatWireTime, wireStamp } from '@/lib/wire-timestamp';

/**
 * A published story as readers see it: headline, standfirst, byline, the wire stamp, the lead
 * photo with its credit and caption, the body opening with the dateline, and the corrections.
 */
export function PublicStory({ article, timeZone }: { article: PublicArticle; timeZone: string }) {
  const lead = article.leadPhoto;
  return (
    <article className="story">
      <header className="story__head">
        <h1>{article.headline}</h1>
        {article.standfirst && <p className="story__standfirst">{article.standfirst}</p>}
        {article.byline && <p className="story__byline">{article.byline}</p>}
        <WireStamp stamp={wireStamp(article, timeZone)} />
      </header>
      {lead && <PhotoFigure photoId={lead.photoId} card={article.photos[lead.photoId]} use={lead} sizes={LEAD_PHOTO_SIZES} eager />}
      <ArticleBodyView body={article.body} photos={article.photos} lede={datelineLede(article.datelinePlace, article.datelineSource)} />
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
