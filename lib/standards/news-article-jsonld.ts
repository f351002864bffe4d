import { datelineText } from '@/lib/dateline';
import { bodyPlainText } from '@/lib/editor/body-text';
import { entryAnchor, type PublicLiveCoverage, type PublicLiveEntry } from '@/lib/live-coverage/live-entry';
import { lastModified, type PublicAuthor, publicPath, type PublicArticle, type SiteInfo } from '@/lib/public/public-article';
import { listPath } from '@/lib/public/public-lists';
import { entryTitle } from './live-entries';
import { changesPath } from '@/lib/story-changes/story-changes';
import { shownPhotos, type ShownPhoto } from './shown-photos';
import { withoutEmpty } from './without-empty';

/**
 * The story as schema.org `NewsArticle`, in the shape Google's Article structured data reads, or a
 * live story as `LiveBlogPosting` (a NewsArticle's kin, with its coverage times and each entry).
 * `dateModified` is the public "Updated" stamp, so a minor fix does not make the story look new;
 * a live story's moves with its newest entry or entry edit too.
 */
export function newsArticleJsonLd(article: PublicArticle, site: SiteInfo): Record<string, unknown> {
  const url = site.url + publicPath(article.slug);
  return withoutEmpty({
    '@context': 'https://schema.org',
    '@type': article.live ? 'LiveBlogPosting' : 'NewsArticle',
    headline: article.headline,
    description: article.standfirst,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: article.firstPublishedAt,
    dateModified: lastModified(article),
    author: authorsOf(article, site),
    articleSection: article.filing.section?.name,
    keywords: article.filing.tags.map((tag) => tag.name),
    dateline: datelineText(article.datelinePlace, article.datelineSource),
    inLanguage: site.language,
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    isAccessibleForFree: true,
    image: shownPhotos(article, site).map(imageObject),
    // Each correction points to the story's What changed page, where its diff is.
    correction: article.corrections.map((correction) => ({
      '@type': 'CorrectionComment',
      text: correction.note,
      datePublished: correction.at,
      url: site.url + changesPath(article.slug),
    })),
    ...(article.live ? liveBlogProperties(article.live, url, site) : {}),
  });
}

/**
 * A live story's coverage: when it began and (once ended) ended, and its entries in the order the
 * page shows them, each a `BlogPosting` with its own address on the page. Google asks for a
 * headline on each update; an entry posted without one is named by its first sentence.
 */
function liveBlogProperties(live: PublicLiveCoverage, url: string, site: SiteInfo): Record<string, unknown> {
  return {
    coverageStartTime: live.startedAt ?? undefined,
    coverageEndTime: live.endedAt ?? undefined,
    liveBlogUpdate: live.entries.map((entry) => blogPosting(entry, url, site)),
  };
}

function blogPosting(entry: PublicLiveEntry, storyUrl: string, site: SiteInfo): Record<string, unknown> {
  return withoutEmpty({
    '@type': 'BlogPosting',
    headline: entryTitle(entry),
    url: `${storyUrl}#${entryAnchor(entry.id)}`,
    datePublished: entry.postedAt,
    dateModified: entry.updatedAt ?? entry.postedAt,
    author: entry.authors.map((author) => person(author, site)),
    articleBody: bodyPlainText(entry.body),
    image: shownPhotos({ leadPhoto: null, body: entry.body, photos: entry.photos }, site).map(imageObject),
  });
}

const person = (author: PublicAuthor, site: SiteInfo) => ({ '@type': 'Person', name: author.name, url: site.url + listPath('author', author.slug) });

/**
 * The people credited: the story's authors, each with their page, or where the desk credited none
 * (wire copy, stories from before authors existed) the names its byline reads as.
 */
function authorsOf(article: PublicArticle, site: SiteInfo): Record<string, unknown>[] {
  if (article.filing.authors.length === 0) return bylineNames(article.byline).map((name) => ({ '@type': 'Person', name }));
  return article.filing.authors.map((author) => person(author, site));
}

/** An image with the licence metadata Google shows beside it in image results (IPTC fields, schema.org names). */
function imageObject(shown: ShownPhoto): Record<string, unknown> {
  const { photo } = shown;
  return withoutEmpty({
    '@type': 'ImageObject',
    contentUrl: shown.jpeg.url,
    url: shown.jpeg.url,
    width: shown.jpeg.width,
    height: shown.jpeg.height,
    caption: shown.caption,
    creditText: shown.credit,
    creator: photo.photographer && { '@type': 'Person', name: photo.photographer },
    copyrightNotice: photo.copyrightNotice,
    copyrightHolder: photo.agency && { '@type': 'Organization', name: photo.agency },
    license: shown.license,
  });
}

/**
 * The people a byline names. A byline is free text, so only its common shapes are read: a leading
 * "By", and names joined by commas, "and" or "&" ("By Ana Lima and Tom Ruiz", "Ana Lima, Tom Ruiz").
 */
export function bylineNames(byline: string): string[] {
  return byline
    .trim()
    .replace(/^by\s+/i, '')
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * The JSON to place inside `<script type="application/ld+json">`. The HTML parser ends a script at
 * the first `</script`, whatever JSON quoting surrounds it, so every `<` is written as `\u003c`;
 * JSON.parse reads it back as `<`. U+2028 and U+2029 are escaped for parsers older than ES2019,
 * which read them as line ends inside a string.
 */
export function jsonLdScriptContent(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
