import Link from 'next/link';
import type { DeskArticle } from '@/lib/article-view';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import { formatDeskTime } from '@/lib/desk-time';
import type { SearchSort } from '@/lib/validation/article-search';
import { WireStatusBadge } from '@/components/wire/wire-status';
import type { PubStatus } from '@/lib/wire/wire-item';
import { HighlightedText } from './highlighted-text';
import { StatusBadge } from './status-badge';

const ORDER_CAPTIONS: Record<SearchSort, string> = {
  relevance: 'Articles, best match first',
  updated: 'Articles, most recently edited first',
  published: 'Articles, most recently published first',
};

type Props = {
  articles: DeskArticle[];
  timeZone: string;
  sort: SearchSort;
  /** Stories made from wire copy the agency has since canceled or withheld, flagged on the list. */
  wireStops?: Readonly<Record<number, PubStatus>>;
};

export function ArticleTable({ articles, timeZone, sort, wireStops = {} }: Props) {
  const now = new Date();
  // The time column shows the time the list is ordered by; relevance shows the last edit.
  const published = sort === 'published';
  return (
    <table className="table">
      <caption className="visually-hidden">{ORDER_CAPTIONS[sort]}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Section</th>
          <th scope="col">Author</th>
          <th scope="col">{published ? 'Published' : 'Last edited'}</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => {
          const time = published ? article.firstPublishedAt : article.lastEditedAt;
          return (
            <tr key={article.id}>
              <td>
                <Link href={`/desk/articles/${article.id}`}>
                  {article.match ? <HighlightedText text={article.match.headline || UNTITLED_HEADLINE} /> : article.headline || UNTITLED_HEADLINE}
                </Link>
                {article.match?.snippet && (
                  <p className="search-snippet">
                    <HighlightedText text={article.match.snippet} />
                  </p>
                )}
              </td>
              <td>
                <StatusBadge status={article.status} />
                {article.live && <span className="badge badge--live">Live</span>}
                {wireStops[article.id] && <WireStatusBadge pubStatus={wireStops[article.id]!} />}
                {article.status === 'scheduled' && article.scheduledFor && (
                  <span className="desk-note">
                    for <time dateTime={article.scheduledFor}>{formatDeskTime(article.scheduledFor, timeZone, now)}</time>
                  </span>
                )}
                {article.scheduleFailure && <span className="desk-note desk-note--problem">Scheduled publish failed</span>}
              </td>
              <td>{article.sectionName ?? <span className="muted">None</span>}</td>
              <td>{article.authorName}</td>
              <td>{time ? <time dateTime={time}>{formatDeskTime(time, timeZone, now)}</time> : <span className="muted">Not yet</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
