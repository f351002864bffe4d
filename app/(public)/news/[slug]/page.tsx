import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { PublicLiveStory } from '@/components/live-coverage/public-live-story';
import { PublicStory } from '@/components/public/public-story';
import { isLiveStory } from '@/lib/public/public-article';
import { storyMetadata } from '@/lib/public/story-metadata';
import { liveFeedPath } from '@/lib/standards/feeds';
import { jsonLdScriptContent, newsArticleJsonLd } from '@/lib/standards/news-article-jsonld';
import { env } from '@/server/env';
import { findPublicArticle } from '@/server/public/queries';
import { siteInfo } from '@/server/public/site';
import { publicSearchSocial } from '@/server/search-social/queries';
import { publicWireCopyright } from '@/server/wire-ingest/queries';

type Props = { params: Promise<{ slug: string }> };

// Rendered on its first request and cached until the public site next changes (a publish, an
// update, a withdrawal…; see server/public/page-cache-handler.mjs). Nothing is built at
// `next build`. The minute is what a CDN in front may keep it for; Next also re-renders it in the
// background when it is asked for after a minute.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const storyAt = cache((slug: string) => findPublicArticle(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = storyAt((await params).slug);
  if (!article) return {};
  const metadata = storyMetadata(article, publicSearchSocial(article.id));
  // A live story's page offers the feeds of its entries, for readers that follow them there.
  if (!isLiveStory(article)) return metadata;
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: {
        'application/rss+xml': [{ url: liveFeedPath(article.slug, 'rss'), title: `Live updates: ${article.headline}` }],
        'application/atom+xml': [{ url: liveFeedPath(article.slug, 'atom'), title: `Live updates: ${article.headline}` }],
      },
    },
  };
}

export default async function StoryPage({ params }: Props) {
  const article = storyAt((await params).slug);
  // Withdrawn stories and former addresses never get here: the proxy answers 410 and 301.
  if (!article) notFound();
  return (
    <main id="content" className="public-main">
      {isLiveStory(article) ? (
        <PublicLiveStory story={article} timeZone={env().NEWSROOM_TIMEZONE} />
      ) : (
        <PublicStory article={article} timeZone={env().NEWSROOM_TIMEZONE} agencyCopyright={publicWireCopyright(article.id)} />
      )}
      <script
        type="application/ld+json"
        // JSON, not HTML: every `<` is escaped, so no text in it can close the script element.
        dangerouslySetInnerHTML={{ __html: jsonLdScriptContent(newsArticleJsonLd(article, siteInfo())) }}
      />
    </main>
  );
}
