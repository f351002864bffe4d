import type { BodyDoc } from '@/lib/article-body';
import type { FilingName } from '@/lib/filing';
import type { PublicLiveCoverage, PublicLiveEntry } from '@/lib/live-coverage/live-entry';
import { type LeadPhoto, type PhotoCard, photoCardOf } from '@/lib/photos/photo-use';
import type { PhotoView } from '@/lib/photos/photo-view';

/** The public site's identity, as feeds, sitemaps and structured data name it. */
export type SiteInfo = {
  name: string;
  /** Origin the public reaches the site at, without a trailing slash, e.g. `https://news.example.org`. */
  url: string;
  /** BCP 47 language of the stories, e.g. `en`. */
  language: string;
};

/** A library photo as the public site needs it: what it shows, plus the rights the standards carry. */
export type PublicPhoto = PhotoCard & {
  photographer: string;
  agency: string;
  copyrightNotice: string;
  rightsUrl: string;
};

/** A library photo as the public site shows and credits it. */
export function publicPhotoOf(view: PhotoView): PublicPhoto {
  const { photographer, agency, copyrightNotice, rightsUrl } = view;
  return { ...photoCardOf(view), photographer, agency, copyrightNotice, rightsUrl };
}

/** A correction as printed at the foot of a story: when it was published, and what it says. */
export type PublicCorrection = { at: string; note: string };

/**
 * One live story as the public page, its feeds and its JSON show it: always the live revision,
 * never the desk's working copy. Times are ISO-8601 UTC.
 */
export type PublicArticle = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  byline: string;
  datelinePlace: string;
  datelineSource: string;
  body: BodyDoc;
  bodyText: string;
  leadPhoto: LeadPhoto | null;
  /** Every library photo the live revision uses, by id. */
  photos: Record<number, PublicPhoto>;
  /** The live revision's number: the story's public version. */
  version: number;
  /** The first publish; never moves. */
  firstPublishedAt: string;
  /** The last Update or Correction; null until there has been one (a minor fix does not count). */
  updatedAt: string | null;
  corrections: PublicCorrection[];
  filing: PublicFiling;
  /**
   * A live story's key points and entries, read with the story when one story is read (its page,
   * its ninjs, the feeds of its entries). Null for an ordinary article, and in lists, which show
   * no entries.
   */
  live: PublicLiveCoverage | null;
};

/** A live story with its coverage, as its page, the feeds of its entries and its ninjs show it. */
export type PublicLiveStory = PublicArticle & { live: PublicLiveCoverage };

export function isLiveStory(article: PublicArticle): article is PublicLiveStory {
  return article.live !== null;
}

/** A section or tag as the public outputs name it; `mediaTopic` is an IPTC Media Topic code. */
export type PublicTopic = FilingName & { mediaTopic: string | null };
/** A credited author as the public sees them: their public profile's name and address, never the account. */
export type PublicAuthor = FilingName;
/** Where a live story is filed, as its page, feeds and JSON print it. Tags and authors in the desk's order. */
export type PublicFiling = { section: PublicTopic | null; tags: PublicTopic[]; authors: PublicAuthor[] };

/** A story as a list shows it: its headline, standfirst, stamp and lead photo, the only photo in `photos`. */
export type PublicTeaser = Pick<PublicArticle, 'id' | 'slug' | 'headline' | 'standfirst' | 'leadPhoto' | 'firstPublishedAt' | 'updatedAt'> & {
  photos: Record<number, PhotoCard>;
  /** A live story whose coverage is on: the list marks it Live (ending the coverage purges the story's key, which the list carries). */
  coveredLive: boolean;
};

/** The story's public address, relative to the site. */
export function publicPath(slug: string): string {
  return `/news/${slug}`;
}

/**
 * When the story last changed in substance: the "Updated" stamp, else the first publish; for a live
 * story, its newest entry or entry edit when that is later.
 */
export function lastModified(
  article: Pick<PublicArticle, 'firstPublishedAt' | 'updatedAt'> & { live?: { entries: readonly Pick<PublicLiveEntry, 'postedAt' | 'updatedAt'>[] } | null },
): string {
  const own = article.updatedAt ?? article.firstPublishedAt;
  // ISO-8601 UTC strings of one length sort as the instants they name.
  return (article.live?.entries ?? []).reduce((latest, entry) => {
    const changed = entry.updatedAt ?? entry.postedAt;
    return changed > latest ? changed : latest;
  }, own);
}
