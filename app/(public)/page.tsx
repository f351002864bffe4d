import { StoryList } from '@/components/public/story-list';
import { env } from '@/server/env';
import { FRONT_PAGE_SIZE, latestPublicTeasers } from '@/server/public/queries';

// Rendered per request: the list is one indexed query, and it must not be built at `next build`.
export const dynamic = 'force-dynamic';

export default function FrontPage() {
  const articles = latestPublicTeasers(FRONT_PAGE_SIZE);
  return (
    <main id="content" className="public-main">
      <h1>Latest news</h1>
      {articles.length === 0 ? <p>No stories have been published yet.</p> : <StoryList articles={articles} timeZone={env().NEWSROOM_TIMEZONE} />}
    </main>
  );
}
