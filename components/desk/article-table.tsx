import Link from 'next/link';
import type { DeskArticle } from '@/lib/article-view';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import { formatDeskTime } from '@/lib/desk-time';
import { StatusBadge } from './status-badge';

export function ArticleTable({ articles, timeZone }: { articles: DeskArticle[]; timeZone: string }) {
  const now = new Date();
  return (
    <table className="table">
      <caption className="visually-hidden">Articles, most recently edited first</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          <th scope="col">Author</th>
          <th scope="col">Last edited</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <td>
              <Link href={`/desk/articles/${article.id}`}>{article.headline || UNTITLED_HEADLINE}</Link>
            </td>
            <td>
              <StatusBadge status={article.status} />
              {article.live && <span className="badge badge--live">Live</span>}
              {article.status === 'scheduled' && article.scheduledFor && (
                <span className="desk-note">
                  for <time dateTime={article.scheduledFor}>{formatDeskTime(article.scheduledFor, timeZone, now)}</time>
                </span>
              )}
              {article.scheduleFailure && <span className="desk-note desk-note--problem">Scheduled publish failed</span>}
            </td>
            <td>{article.authorName}</td>
            <td>
              <time dateTime={article.lastEditedAt}>{formatDeskTime(article.lastEditedAt, timeZone, now)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
