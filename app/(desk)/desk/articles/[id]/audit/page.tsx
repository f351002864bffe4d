import type { Metadata } from 'next';
import { ArticlePageHead } from '@/components/desk/article-page-head';
import { describeAuditActor, describeAuditEntry } from '@/lib/article-audit';
import { formatDeskTime } from '@/lib/desk-time';
import { parseId } from '@/lib/validation/parse-id';
import { getArticle } from '@/server/articles/queries';
import { ARTICLE_AUDIT_LIMIT, listArticleAudit } from '@/server/audit/article-audit';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Audit trail' };

export default async function ArticleAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireSignedIn(`/desk/articles/${rawId}/audit`);
  const id = parseId(rawId, 'article');
  const article = forPage(() => getArticle(user, id));
  const { entries, truncated } = forPage(() => listArticleAudit(user, id));
  const timeZone = env().NEWSROOM_TIMEZONE;

  return (
    <main id="content">
      <ArticlePageHead title="Audit trail" articleId={id} headline={article.headline} />
      {truncated && <p className="notice notice--info">Showing the latest {ARTICLE_AUDIT_LIMIT.toLocaleString('en-GB')} entries.</p>}
      <table className="table audit-table">
        <caption className="visually-hidden">Everything that happened to this story, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { what, detail } = describeAuditEntry(entry.action, entry.details);
            return (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDeskTime(entry.at, timeZone)}</time>
                </td>
                <td>{describeAuditActor(entry)}</td>
                <td>{what}</td>
                <td className="audit-table__detail">{detail}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
