// Stories and photos for the standards' tests: one of each shape the public output must describe.
import type { BodyDoc } from '@/lib/article-body';
import { bodyPlainText } from '@/lib/editor/body-text';
import { creditLine } from '@/lib/photos/credit-line';
import { UNFILED } from '@/lib/filing';
import type { PublicLiveCoverage, PublicLiveEntry } from '@/lib/live-coverage/live-entry';
import type { PublicArticle, PublicLiveStory, PublicPhoto, SiteInfo } from '@/lib/public/public-article';

export const SITE: SiteInfo = { name: 'The Harbour Gazette', url: 'https://news.example.org', language: 'en' };

function libraryPhoto(photo: Omit<PublicPhoto, 'creditLine'>): PublicPhoto {
  return { ...photo, creditLine: creditLine(photo) };
}

/** A fully credited agency photo, wider than every rendition. */
export const HARBOUR_PHOTO = libraryPhoto({
  id: 7,
  sha256: 'a7'.repeat(32),
  originalName: 'harbour.jpg',
  width: 4000,
  height: 3000,
  caption: 'Container ships wait outside the harbour.',
  altText: 'Six container ships at anchor under a grey sky',
  photographer: 'Ana Lens',
  agency: 'Example Press',
  copyrightNotice: '© 2025 Example Press',
  rightsUrl: 'https://press.example/rights/editorial-use',
});

/** A staff photo: no agency, no rights URL, no alt text, narrower than the widest rendition. */
export const MARKET_PHOTO = libraryPhoto({
  id: 9,
  sha256: 'b9'.repeat(32),
  originalName: 'market.jpg',
  width: 800,
  height: 600,
  caption: 'The fish market.',
  altText: '',
  photographer: 'Tom Shutter',
  agency: '',
  copyrightNotice: '',
  rightsUrl: '',
});

export const BODY_WITH_PHOTO: BodyDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Dockers voted to return to work on Monday.' }] },
    { type: 'photo', attrs: { photoId: MARKET_PHOTO.id, caption: 'Traders at the fish market at dawn.', credit: 'Pool photo', alt: null } },
    { type: 'paragraph', content: [{ type: 'text', text: 'The port expects a backlog until Friday.' }] },
  ],
};

/** A live story with a lead photo whose caption is overridden and a body photo with both overrides. */
export function publicArticle(changes: Partial<PublicArticle> = {}): PublicArticle {
  const body = changes.body ?? BODY_WITH_PHOTO;
  return {
    id: 42,
    slug: 'port-strike-ends',
    headline: 'Port strike ends after nine days',
    standfirst: 'Dockers accept a 6% pay rise.',
    byline: 'By Ana Lima and Tom Ruiz',
    datelinePlace: 'ROTTERDAM',
    datelineSource: 'Dateline',
    leadPhoto: { photoId: HARBOUR_PHOTO.id, caption: 'Ships queue as the strike ends.', credit: null },
    photos: { [HARBOUR_PHOTO.id]: HARBOUR_PHOTO, [MARKET_PHOTO.id]: MARKET_PHOTO },
    version: 3,
    firstPublishedAt: '2025-05-20T08:30:00.000Z',
    updatedAt: null,
    corrections: [],
    filing: UNFILED,
    live: null,
    ...changes,
    body,
    bodyText: changes.bodyText ?? bodyPlainText(body),
  };
}

/** A story with no photo at all, in Russian. */
export function cyrillicArticle(): PublicArticle {
  const body: BodyDoc = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Забастовка в порту закончилась в понедельник.' }] }],
  };
  return publicArticle({
    id: 43,
    slug: 'zabastovka',
    headline: 'Забастовка в порту закончилась',
    standfirst: 'Докеры согласились на повышение зарплаты.',
    byline: 'Анна Лима',
    datelinePlace: 'МОСКВА',
    datelineSource: '',
    leadPhoto: null,
    photos: {},
    body,
  });
}

/** Text built to break out of whatever it is written into: markup, an entity, a CDATA end, a script end. */
export const HOSTILE_TEXT = 'Q&A: <script>alert(1)</script> ]]> & ]]><x/> &amp; “Кремль”';

/** The story filed: a section with a Media Topic, a tag with markup in its name, two authors. */
export function filedArticle(changes: Partial<PublicArticle> = {}): PublicArticle {
  return publicArticle({
    filing: {
      section: { id: 3, name: 'Business', slug: 'business', mediaTopic: '04000000' },
      tags: [
        { id: 5, name: 'Ports', slug: 'ports', mediaTopic: null },
        { id: 6, name: HOSTILE_TEXT, slug: 'hostile', mediaTopic: '20000349' },
      ],
      authors: [
        { id: 8, name: 'Ana Lima', slug: 'ana-lima' },
        { id: 9, name: 'Tom <i>Ruiz</i>', slug: 'tom-ruiz' },
      ],
    },
    ...changes,
  });
}

const paragraphs = (...texts: string[]): BodyDoc => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

/** An entry of the live story below: posted at 13:03 by Ana Lima, with no headline, unless changed. */
export function liveEntry(changes: Partial<PublicLiveEntry> = {}): PublicLiveEntry {
  return {
    id: 101,
    headline: '',
    body: paragraphs('Dockers have started to leave the picket line. Ships are expected to berth by noon.'),
    photos: {},
    authors: [{ id: 8, name: 'Ana Lima', slug: 'ana-lima' }],
    postedAt: '2025-05-20T13:03:00.000Z',
    updatedAt: null,
    pinned: false,
    ...changes,
  };
}

/**
 * The story as a live story still on: two key points and three entries in reading order (a pinned
 * one with a headline and a photo, an edited one, then the first posted).
 */
export function liveArticle(coverage: Partial<PublicLiveCoverage> = {}): PublicLiveStory {
  const live: PublicLiveCoverage = {
    startedAt: '2025-05-20T08:30:00.000Z',
    endedAt: null,
    keyPoints: ['Dockers accept a 6% pay rise', 'Ships queue to berth'],
    entries: [
      liveEntry({
        id: 103,
        headline: 'First ship berths',
        body: { type: 'doc', content: [...paragraphs('The Maersk Elba tied up at 14:10.').content, { type: 'photo', attrs: { photoId: MARKET_PHOTO.id, caption: null, credit: null, alt: null } }] },
        photos: { [MARKET_PHOTO.id]: MARKET_PHOTO },
        postedAt: '2025-05-20T14:12:00.000Z',
        pinned: true,
      }),
      liveEntry({ id: 102, body: paragraphs('The union says the vote was 412 to 90'), postedAt: '2025-05-20T13:40:00.000Z', updatedAt: '2025-05-20T13:52:00.000Z', authors: [] }),
      liveEntry(),
    ],
    lastEventId: 57,
    ...coverage,
  };
  return { ...publicArticle({ leadPhoto: null, photos: {}, body: paragraphs('Live coverage of the end of the strike.') }), live };
}
