import type { Metadata } from 'next';
import { StoryList } from '@/components/public/story-list';
import { listPath } from '@/lib/public/public-lists';
import { SITE_FEED_ALTERNATES } from '@/lib/standards/feeds';
import { env } from '@/server/env';
import { FRONT_PAGE_SIZE, frontPageSections, latestPublicTeasers } from '@/server/public/queries';

// Rendered per request: the lists are indexed queries, and they must not be built at `next build`.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { alternates: { canonical: '/', types: SITE_FEED_ALTERNATES } };

/** The latest stories, then each section's newest under its name, in the desk's order of sections. */
export default function FrontPage() {
  const articles = latestPublicTeasers(FRONT_PAGE_SIZE);
  const sections = frontPageSections();
  const timeZone = env().NEWSROOM_TIMEZONE;
  return (
    <main id="content" className="public-main">
      <h1>Latest news</h1>
      {articles.length === 0 ? <p>No stories have been published yet.</p> : <StoryList articles={articles} timeZone={timeZone} />}
      {sections.map(({ section, articles: inSection }) => (
        <section key={section.id} className="front-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>
            <a href={listPath('section', section.slug)}>{section.name}</a>
          </h2>
          <StoryList articles={inSection} timeZone={timeZone} headingLevel={3} />
        </section>
      ))}
    </main>
  );
}
