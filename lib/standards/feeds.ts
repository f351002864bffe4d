import { escapeUTF8 } from 'entities';
import { Feed, type Extension, type FeedOptions } from 'feed';
import { RENDITION_MIME } from '@/lib/photos/renditions';
import { lastModified, publicPath, type PublicArticle, type PublicTopic, type SiteInfo } from '@/lib/public/public-article';
import { listPath } from '@/lib/public/public-lists';
import { bylineNames } from './news-article-jsonld';
import { articleUri } from './ninjs';
import { shownPhotos, type ShownPhoto } from './shown-photos';

export const RSS_PATH = '/feed.xml';
export const ATOM_PATH = '/atom.xml';

const MEDIA_RSS_NAMESPACE = 'http://search.yahoo.com/mrss/';

/**
 * Which feed: the whole site's (the default), or one section's, tag's or author's, named after it
 * and pointing at its own page and feed addresses.
 */
export type FeedChannel = { title: string; description: string; pagePath: string; rssPath: string; atomPath: string };

export function siteChannel(site: SiteInfo): FeedChannel {
  return { title: site.name, description: `The latest stories from ${site.name}`, pagePath: '', rssPath: RSS_PATH, atomPath: ATOM_PATH };
}

/** What an empty feed says it was updated at: fixed, so the same content always gives the same bytes. */
const EMPTY_FEED_UPDATED = new Date(0);

/**
 * The stories as RSS 2.0, in the order given. `pubDate` is the first publish: RSS has one date, and
 * readers sort by it, so an update must not push an old story back to the top.
 */
export function rssFeed(articles: readonly PublicArticle[], site: SiteInfo, channel = siteChannel(site)): string {
  const feed = new Feed(feedOptions(articles, site, channel));
  for (const article of articles) {
    const lead = shownPhotos(article, site).find((shown) => shown.place === 'lead');
    const names = bylineNames(article.byline);
    feed.addItem({
      title: article.headline,
      link: site.url + publicPath(article.slug),
      guid: articleUri(article.id, site),
      date: new Date(lastModified(article)),
      published: new Date(article.firstPublishedAt),
      description: htmlText(article.standfirst),
      author: names.length > 0 ? [{ name: xmlText(names.join(', ')) }] : undefined,
      // xml-js escapes a text's `<` and `>`, and each `&` unless `amp;` follows it (a tag named
      // "A &amp; B" would read back as "A & B"), so the `&`s are escaped here and it leaves them.
      category: topicsOf(article).map(({ kind, topic }) => ({ name: xmlText(topic.name).replace(/&/g, '&amp;'), domain: site.url + listPath(kind, topic.slug) })),
      extensions: [
        // The library writes the title as one CDATA section, which a second `]]>` would end early;
        // an extension of the same name replaces it with a title written safely.
        { name: 'title', objects: { _cdata: cdataSections(article.headline) } },
        ...(lead ? [mediaContent(lead)] : []),
      ],
    });
  }
  return feed.rss2();
}

/**
 * The stories as Atom (RFC 4287), in the order given: `published` is the first publish, `updated`
 * the public "Updated" stamp (§4.2.15: a change the publisher considers significant).
 */
export function atomFeed(articles: readonly PublicArticle[], site: SiteInfo, channel = siteChannel(site)): string {
  const feed = new Feed(feedOptions(articles, site, channel));
  const labels: string[] = [];
  for (const article of articles) {
    feed.addItem({
      title: htmlText(article.headline),
      id: articleUri(article.id, site),
      link: site.url + publicPath(article.slug),
      date: new Date(lastModified(article)),
      published: new Date(article.firstPublishedAt),
      description: htmlText(article.standfirst),
      author: atomAuthors(article, site),
      category: topicsOf(article).map(({ kind, topic }) => ({
        name: `${LABEL_PLACEHOLDER}${labels.push(topic.name) - 1}`,
        term: topic.slug,
        scheme: `${site.url}/${kind}/`,
      })),
    });
  }
  // The library escapes only `&` in a category's label, and xml-js only `"`: a `<` in a tag's name
  // would make the whole feed unreadable. Each label goes in as a placeholder and is written here,
  // escaped. Nothing else can read `<category label="…`: every other text is escaped or in CDATA.
  return feed.atom1().replace(new RegExp(`<category label="${LABEL_PLACEHOLDER}(\\d+)"`, 'g'), (_, index: string) => `<category label="${escapeUTF8(xmlText(labels[Number(index)] ?? ''))}"`);
}

const LABEL_PLACEHOLDER = 'dateline-category-';

/** The section, then the tags: a feed's categories, each named by the list it has a page for. */
function topicsOf(article: PublicArticle): { kind: 'section' | 'tag'; topic: PublicTopic }[] {
  const { section, tags } = article.filing;
  return [...(section ? [{ kind: 'section' as const, topic: section }] : []), ...tags.map((topic) => ({ kind: 'tag' as const, topic }))];
}

/** The credited authors with their pages, else the byline's names (wire copy has no authors). */
function atomAuthors(article: PublicArticle, site: SiteInfo) {
  if (article.filing.authors.length === 0) return bylineNames(article.byline).map((name) => ({ name: xmlText(name) }));
  return article.filing.authors.map((author) => ({ name: xmlText(author.name), link: site.url + listPath('author', author.slug) }));
}

function feedOptions(articles: readonly PublicArticle[], site: SiteInfo, channel: FeedChannel): FeedOptions {
  const changes = articles.map((article) => Date.parse(lastModified(article)));
  return {
    id: site.url + channel.atomPath,
    title: xmlText(channel.title),
    description: xmlText(channel.description),
    link: site.url + channel.pagePath,
    language: site.language,
    updated: changes.length > 0 ? new Date(Math.max(...changes)) : EMPTY_FEED_UPDATED,
    feedLinks: { rss: site.url + channel.rssPath, atom: site.url + channel.atomPath },
    // Atom needs an author for every entry; the publication stands in where a byline is empty.
    author: { name: xmlText(site.name) },
  };
}

/**
 * Media RSS for the lead photo. The library cannot declare a namespace on `<rss>`, so the element
 * declares `media:` itself, which XML namespaces allow on any element.
 */
function mediaContent(shown: ShownPhoto): Extension {
  const { photo } = shown;
  return {
    name: 'media:content',
    objects: {
      // xml-js escapes only `"` in an attribute, so anything else is escaped before it gets there.
      _attributes: {
        'xmlns:media': MEDIA_RSS_NAMESPACE,
        url: escapeUTF8(shown.jpeg.url),
        type: RENDITION_MIME.jpeg,
        medium: 'image',
        width: shown.jpeg.width,
        height: shown.jpeg.height,
      },
      ...(photo.photographer ? { 'media:credit': { _attributes: { role: 'photographer', scheme: 'urn:ebu' }, _cdata: cdataSections(photo.photographer) } } : {}),
      ...(shown.caption ? { 'media:description': { _attributes: { type: 'plain' }, _cdata: cdataSections(shown.caption) } } : {}),
      ...(shown.credit ? { 'media:copyright': { ...(shown.license ? { _attributes: { url: escapeUTF8(shown.license) } } : {}), _cdata: cdataSections(shown.credit) } } : {}),
    },
  };
}

/**
 * Plain text for an element that holds HTML: RSS `description`, Atom `type="html"` text. A reader
 * renders it as markup, so a `<script>` in a standfirst must arrive as `&lt;script&gt;`; escaping
 * `>` also means the text can never close the library's CDATA section.
 */
function htmlText(text: string): string {
  return escapeUTF8(xmlText(text));
}

/**
 * Plain text as CDATA sections that together read back as the text. xml-js splits only the first
 * `]]>` of a section (a string `replace`), so every one is split here, between `]]` and `>`.
 */
function cdataSections(text: string): string[] {
  return xmlText(text).split(/(?<=\]\])(?=>)/);
}

/**
 * The text without characters XML 1.0 forbids (control characters such as the vertical tab Word
 * pastes for a line break, unpaired surrogates, U+FFFE/U+FFFF): one of them makes the whole feed
 * unreadable, escaped or not.
 */
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}
