import type { Metadata } from 'next';
import Link from 'next/link';
import { newArticleAction, newLiveStoryAction } from '@/app/(desk)/actions';
import { ArticleSearchForm } from '@/components/desk/article-search-form';
import { ArticleTable } from '@/components/desk/article-table';
import { can } from '@/lib/permissions';
import { deskSearchHref } from '@/lib/search/search-filters';
import { ArticleSearchQuery } from '@/lib/validation/article-search';
import { env } from '@/server/env';
import { wireStopsOf } from '@/server/wire-ingest/queries';
import { listSearchFilters } from '@/server/search/list-search-filters';
import { type ArticleSearchPage, searchArticles } from '@/server/search/search-articles';
import { forPage, requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Desk' };

function countText({ count, more }: ArticleSearchPage['total']): string {
  if (more) return `More than ${count.toLocaleString('en-GB')} articles`;
  return count === 1 ? '1 article' : `${count.toLocaleString('en-GB')} articles`;
}

export default async function DeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireSignedIn('/desk');
  const parsed = ArticleSearchQuery.safeParse(await searchParams);
  // A hand-edited address with a bad value shows why, over the unfiltered desk, rather than an error page.
  const query = parsed.success ? parsed.data : {};
  const problem = parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join('; ');
  const { items, nextCursor, sort, total } = forPage(() => searchArticles(user, query));
  const filters = forPage(() => listSearchFilters(user));
  const { cursor, ...search } = query;

  return (
    <main id="content">
      <div className="page-head">
        <h1>Desk</h1>
        <div className="page-head__actions">
          <form action={newArticleAction}>
            <button type="submit" className="button">
              New article
            </button>
          </form>
          {can(user, 'live:manage:own') && (
            <form action={newLiveStoryAction}>
              <button type="submit" className="button">
                New live story
              </button>
            </form>
          )}
        </div>
      </div>
      <ArticleSearchForm filters={filters} />
      {problem && <p className="notice notice--error">{problem}</p>}
      <p className="desk-search__count" role="status">
        {countText(total)}
      </p>
      {items.length === 0 ? (
        <p className="empty">{cursor ? 'No older articles.' : query.q || Object.keys(search).length > 0 ? 'No articles match.' : 'No articles here yet.'}</p>
      ) : (
        <ArticleTable articles={items} timeZone={env().NEWSROOM_TIMEZONE} sort={sort} wireStops={wireStopsOf(user, items.map((item) => item.id))} />
      )}
      <div className="pager">
        {cursor && <Link href={deskSearchHref(search)}>{sort === 'relevance' ? 'Best matches' : 'Newest articles'}</Link>}
        {nextCursor && (
          <Link href={deskSearchHref({ ...search, cursor: nextCursor })}>{sort === 'relevance' ? 'More matches' : 'Older articles'}</Link>
        )}
      </div>
    </main>
  );
}
