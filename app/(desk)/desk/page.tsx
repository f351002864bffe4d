import type { Metadata } from 'next';
import Link from 'next/link';
import { newArticleAction } from '@/app/(desk)/actions';
import { ArticleTable } from '@/components/desk/article-table';
import { StatusFilter } from '@/components/desk/status-filter';
import { DeskListQuery } from '@/lib/validation/article';
import { listDeskArticles } from '@/server/articles/queries';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Desk' };

export default async function DeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireSignedIn('/desk');
  const parsed = DeskListQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : {};
  const { items, nextCursor } = forPage(() => listDeskArticles(user, query));
  const statusParam = query.status ? `status=${query.status}&` : '';

  return (
    <main id="content">
      <div className="page-head">
        <h1>Desk</h1>
        <form action={newArticleAction}>
          <button type="submit" className="button">
            New article
          </button>
        </form>
      </div>
      <StatusFilter current={query.status} />
      {items.length === 0 ? (
        <p className="empty">{query.cursor ? 'No older articles.' : 'No articles here yet.'}</p>
      ) : (
        <ArticleTable articles={items} timeZone={env().NEWSROOM_TIMEZONE} />
      )}
      <div className="pager">
        {query.cursor && <Link href={query.status ? `/desk?status=${query.status}` : '/desk'}>Newest articles</Link>}
        {nextCursor && <Link href={`/desk?${statusParam}cursor=${encodeURIComponent(nextCursor)}`}>Older articles</Link>}
      </div>
    </main>
  );
}
