import { escapeUTF8 } from 'entities';
import { Feed, type Extension, type FeedOptions } from 'feed';
import { bodyPlainText } from '@/lib/editor/body-text';
import { entryAnchor, type PublicLiveEntry } from '@/lib/live-coverage/live-entry';
import { RENDITION_MIME } from '@/lib/photos/renditions';
import { lastModified, publicPath, type PublicArticle, type PublicAuthor, type PublicLiveStory, type PublicTopic, type SiteInfo } from '@/lib/public/public-article';
import { listPath } from '@/lib/public/public-lists';
import { entriesNewestFirst, entryTitle } from './live-entries';
import { bylineNames } from './news-article-jsonld';
import { articleUri, entryUri } from './ninjs';
import { shownPhotos, type ShownPhoto } from './shown-photos';

export const RSS_PATH = '/feed.xml';
export const ATOM_PATH = '/atom.xml';

/** The site's own feeds, for autodiscovery: a page that names its canonical address names them again, as it replaces the layout's alternates. */
export const SITE_FEED_ALTERNATES = { 'application/rss+xml': RSS_PATH, 'application/atom+xml': ATOM_PATH } as const;

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
      author: names.length > 0 ? [{ name: libraryText(names.join(', ')) }] : undefined,
      category: topicsOf(article).map(({ kind, topic }) => ({ name: libraryText(topic.name), domain: site.url + listPath(kind, topic.slug) })),
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

/** Where a live story's entries are fed: beside its page, `/news/<slug>/feed.xml` and `/news/<slug>/atom.xml`. */
export function liveFeedPath(slug: string, format: 'rss' | 'atom'): string {
  return `${publicPath(slug)}/${format === 'rss' ? 'feed' : 'atom'}.xml`;
}

/** The feeds of a live story's entries are named after the story and point at its page. */
export function liveChannel(story: PublicArticle, site: SiteInfo): FeedChannel {
  return {
    title: `${story.headline} · ${site.name}`,
    description: story.standfirst || `Live updates: ${story.headline}`,
    pagePath: publicPath(story.slug),
    rssPath: liveFeedPath(story.slug, 'rss'),
    atomPath: liveFeedPath(story.slug, 'atom'),
  };
}

/** A live story's entries as feed items, newest first, each linking to its place on the page. */
type EntryItem = { entry: PublicLiveEntry; title: string; id: string; link: string; html: string; firstPhoto: ShownPhoto | undefined };

function entryItems(story: PublicLiveStory, site: SiteInfo): EntryItem[] {
  const page = site.url + publicPath(story.slug);
  return entriesNewestFirst(story.live.entries).map((entry) => ({
    entry,
    title: entryTitle(entry) || story.headline,
    id: entryUri(story.id, entry.id, site),
    link: `${page}#${entryAnchor(entry.id)}`,
    // The entry's words as HTML a reader renders: a paragraph per line, every character escaped.
    html: bodyPlainText(entry.body)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${htmlText(line)}</p>`)
      .join(''),
    firstPhoto: shownPhotos({ leadPhoto: null, body: entry.body, photos: entry.photos }, site)[0],
  }));
}

/** A live story's entries as RSS 2.0, each with its first photo as Media RSS. */
export function rssEntriesFeed(story: PublicLiveStory, site: SiteInfo): string {
  const feed = new Feed(channelOptions([lastModified(story)], site, liveChannel(story, site)));
  for (const { entry, title, id, link, html, firstPhoto } of entryItems(story, site)) {
    feed.addItem({
      title,
      link,
      guid: id,
      date: new Date(entry.updatedAt ?? entry.postedAt),
      published: new Date(entry.postedAt),
      description: html,
      author: entry.authors.length > 0 ? [{ name: libraryText(entry.authors.map((author) => author.name).join(', ')) }] : undefined,
      extensions: [{ name: 'title', objects: { _cdata: cdataSections(title) } }, ...(firstPhoto ? [mediaContent(firstPhoto)] : [])],
    });
  }
  return feed.rss2();
}

/** A live story's entries as Atom: `published` when posted, `updated` at its last edit. */
export function atomEntriesFeed(story: PublicLiveStory, site: SiteInfo): string {
  const feed = new Feed(channelOptions([lastModified(story)], site, liveChannel(story, site)));
  for (const { entry, title, id, link, html } of entryItems(story, site)) {
    feed.addItem({
      title: htmlText(title),
      id,
      link,
      date: new Date(entry.updatedAt ?? entry.postedAt),
      published: new Date(entry.postedAt),
      description: html,
      author: authorsWithPages(entry.authors, site),
    });
  }
  return feed.atom1();
}

/** The section, then the tags: a feed's categories, each named by the list it has a page for. */
function topicsOf(article: PublicArticle): { kind: 'section' | 'tag'; topic: PublicTopic }[] {
  const { section, tags } = article.filing;
  return [...(section ? [{ kind: 'section' as const, topic: section }] : []), ...tags.map((topic) => ({ kind: 'tag' as const, topic }))];
}

/** The credited authors with their pages, else the byline's names (wire copy has no authors). */
function atomAuthors(article: PublicArticle, site: SiteInfo) {
  if (article.filing.authors.length === 0) return bylineNames(article.byline).map((name) => ({ name: libraryText(name) }));
  return authorsWithPages(article.filing.authors, site);
}

function authorsWithPages(authors: readonly PublicAuthor[], site: SiteInfo) {
  return authors.map((author) => ({ name: libraryText(author.name), link: site.url + listPath('author', author.slug) }));
}

function feedOptions(articles: readonly PublicArticle[], site: SiteInfo, channel: FeedChannel): FeedOptions {
  return channelOptions(articles.map(lastModified), site, channel);
}

/** A feed's own description; it was updated when the last of its items changed. */
export function channelOptions(changedAt: readonly string[], site: SiteInfo, channel: FeedChannel): FeedOptions {
  const changes = changedAt.map((at) => Date.parse(at));
  return {
    id: site.url + channel.atomPath,
    title: libraryText(channel.title),
    description: libraryText(channel.description),
    link: site.url + channel.pagePath,
    language: site.language,
    updated: changes.length > 0 ? new Date(Math.max(...changes)) : EMPTY_FEED_UPDATED,
    feedLinks: { rss: site.url + channel.rssPath, atom: site.url + channel.atomPath },
    // Atom needs an author for every entry; the publication stands in where a byline is empty.
    author: { name: libraryText(site.name) },
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
export function htmlText(text: string): string {
  return escapeUTF8(xmlText(text));
}

/**
 * Plain text for an element or attribute the library writes as text. xml-js escapes a text's `<`
 * and `>`, and each `&` unless `amp;` follows it (a tag named "A &amp; B" would read back as
 * "A & B"), so the `&`s are escaped here and it leaves them.
 */
function libraryText(text: string): string {
  return xmlText(text).replace(/&/g, '&amp;');
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
