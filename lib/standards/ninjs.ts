import { bodyPlainText, countWords } from '@/lib/editor/body-text';
import { entryAnchor, type PublicLiveEntry } from '@/lib/live-coverage/live-entry';
import { RENDITION_MIME, renditionsFor, renditionUrl } from '@/lib/photos/renditions';
import { lastModified, type PublicArticle, type PublicFiling, type PublicTopic, type SiteInfo } from '@/lib/public/public-article';
import { mediaTopicUri } from '@/lib/public/public-lists';
import { entriesNewestFirst, entryTitle } from './live-entries';
import { shownPhotos, type ShownPhoto } from './shown-photos';
import { withoutEmpty } from './without-empty';

/** IPTC ninjs 2.2 (News in JSON), the parts a story and its pictures use. */
export type NinjsText = { role: string; value: string };
export type NinjsBody = NinjsText & { contenttype: string; charcount: number; wordcount: number };
export type NinjsRendition = { name: string; href: string; contenttype: string; width: number; height: number };
export type NinjsPicture = {
  name: string;
  uri: string;
  type: 'picture';
  by?: string;
  copyrightholder?: string;
  copyrightnotice?: string;
  rightsinfo?: { linkedrights: string };
  descriptions?: NinjsText[];
  renditions: NinjsRendition[];
};
/** A live story's entry, associated with the story as a text item of its own. */
export type NinjsEntry = {
  name: string;
  uri: string;
  type: 'text';
  firstcreated: string;
  versioncreated: string;
  headlines?: NinjsText[];
  bodies?: NinjsBody[];
  by?: string;
  associations?: NinjsPicture[];
};
/** A concept the story is about: its section and tags, each by its Media Topic when it has one. */
export type NinjsSubject = { name: string; rel: 'section' | 'tag'; uri?: string };
export type NinjsItem = {
  uri: string;
  type: 'text';
  version: string;
  firstcreated?: string;
  versioncreated: string;
  pubstatus: 'usable' | 'canceled';
  language: string;
  headlines: NinjsText[];
  descriptions?: NinjsText[];
  bodies?: NinjsBody[];
  by?: string;
  located?: string;
  copyrightholder?: string;
  subjects?: NinjsSubject[];
  associations?: (NinjsPicture | NinjsEntry)[];
};

/**
 * The story's identifier in every feed and API: built from its id, never its slug, because an
 * editor may retitle a story and change its address, and a client that already holds it must
 * recognise the new version as the same item rather than a second story. It names the item; it
 * need not be fetched.
 */
export function articleUri(id: number, site: SiteInfo): string {
  return `${site.url}/articles/${id}`;
}

/** A live story's entry's identifier: under its story's, so it too survives a change of address. */
export function entryUri(articleId: number, entryId: number, site: SiteInfo): string {
  return `${articleUri(articleId, site)}/entries/${entryId}`;
}

/**
 * A published story as ninjs 2.2. `versioncreated` is the public "Updated" stamp, not the latest
 * revision's save time: a minor fix gets a new `version` but does not tell clients the news moved
 * (a live story's moves with its newest entry or entry edit). A live story's entries come after
 * its photos among its associations, newest first, each a text item with its own photos.
 */
export function ninjsOf(article: PublicArticle, site: SiteInfo): NinjsItem {
  return {
    uri: articleUri(article.id, site),
    type: 'text',
    version: String(article.version),
    firstcreated: article.firstPublishedAt,
    versioncreated: lastModified(article),
    pubstatus: 'usable',
    language: site.language,
    headlines: [{ role: 'main', value: article.headline }],
    bodies: [plainBody(article.bodyText)],
    copyrightholder: site.name,
    ...withoutEmpty({
      descriptions: article.standfirst ? [{ role: 'summary', value: article.standfirst }] : [],
      by: article.byline,
      located: article.datelinePlace,
      subjects: subjectsOf(article.filing),
      associations: [
        ...picturesOf(shownPhotos(article, site), site),
        ...entriesNewestFirst(article.live?.entries ?? []).map((entry) => entryOf(entry, article.id, site)),
      ],
    }),
  };
}

function plainBody(text: string): NinjsBody {
  return {
    role: 'main',
    contenttype: 'text/plain',
    value: text,
    // Characters as a reader counts them: an emoji or a letter outside the BMP is one, not two.
    charcount: [...text].length,
    wordcount: countWords(text),
  };
}

function picturesOf(shown: readonly ShownPhoto[], site: SiteInfo): NinjsPicture[] {
  return shown.map((photo, index) => pictureOf(photo, photo.place === 'lead' ? 'lead' : `photo-${index + 1}`, site));
}

/** An entry as its own item: when posted and last edited, its title and words, its authors and photos. */
function entryOf(entry: PublicLiveEntry, articleId: number, site: SiteInfo): NinjsEntry {
  const text = bodyPlainText(entry.body);
  return {
    name: entryAnchor(entry.id),
    uri: entryUri(articleId, entry.id, site),
    type: 'text',
    firstcreated: entry.postedAt,
    versioncreated: entry.updatedAt ?? entry.postedAt,
    ...withoutEmpty({
      headlines: entryTitle(entry) ? [{ role: 'main', value: entryTitle(entry) }] : [],
      bodies: text ? [plainBody(text)] : [],
      by: entry.authors.map((author) => author.name).join(', '),
      associations: picturesOf(shownPhotos({ leadPhoto: null, body: entry.body, photos: entry.photos }, site), site),
    }),
  };
}

function subjectsOf(filing: PublicFiling): NinjsSubject[] {
  const subject = (topic: PublicTopic, rel: NinjsSubject['rel']): NinjsSubject => ({
    name: topic.name,
    rel,
    ...(topic.mediaTopic ? { uri: mediaTopicUri(topic.mediaTopic) } : {}),
  });
  return [...(filing.section ? [subject(filing.section, 'section')] : []), ...filing.tags.map((tag) => subject(tag, 'tag'))];
}

/**
 * A picture as AP sends one: caption and credit line as descriptions with those roles. ninjs 2.2 has
 * no alt-text property, but a description's role is free text, so the alt text goes there as `alt`.
 */
function pictureOf(shown: ShownPhoto, name: string, site: SiteInfo): NinjsPicture {
  const { photo } = shown;
  return {
    name,
    // The content hash names the image itself, as its rendition URLs do.
    uri: `${site.url}/media/photos/${photo.sha256}`,
    type: 'picture',
    ...withoutEmpty({
      by: photo.photographer,
      copyrightholder: photo.agency,
      copyrightnotice: photo.copyrightNotice,
      rightsinfo: shown.license ? { linkedrights: shown.license } : undefined,
      descriptions: [
        { role: 'caption', value: shown.caption },
        { role: 'creditline', value: shown.credit },
        { role: 'alt', value: shown.alt },
      ].filter((description) => description.value),
    }),
    renditions: renditionsFor(photo).map((rendition) => ({
      name: `${rendition.format}-${rendition.width}`,
      href: site.url + renditionUrl(photo.sha256, rendition),
      contenttype: RENDITION_MIME[rendition.format],
      width: rendition.width,
      height: rendition.height,
    })),
  };
}

/**
 * What the API answers for a withdrawn story: the same item, canceled, so a client that took it
 * knows to take it down. The headline stays so a person can tell which story went; the words,
 * byline and pictures go.
 */
export function canceledNinjs(
  item: { id: number; slug: string; headline: string; version: number; withdrawnAt: string },
  site: SiteInfo,
): NinjsItem {
  return {
    uri: articleUri(item.id, site),
    type: 'text',
    version: String(item.version),
    versioncreated: item.withdrawnAt,
    pubstatus: 'canceled',
    language: site.language,
    headlines: [{ role: 'main', value: item.headline }],
  };
}
