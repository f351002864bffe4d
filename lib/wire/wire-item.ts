import { z } from 'zod';
import { BodyDoc } from '@/lib/article-body';

/**
 * One agency item, whichever format it came in (NewsML-G2 or ninjs): the parsers in
 * server/wire-ingest/ each produce this, and it is what is stored for every version. Only what a
 * newsroom uses is kept; the file itself is not.
 */

export const WIRE_KINDS = ['text', 'picture', 'package'] as const;
export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;
export type PubStatus = (typeof PUB_STATUSES)[number];
export const WIRE_SIGNALS = ['update', 'correction'] as const;

const line = (max: number) => z.string().trim().max(max).default('');

/** A picture the item carries or points at, with the rights that travel with it. */
export const WirePhoto = z.object({
  /** Where the agency put the file: a name beside the item, or a URL. */
  href: z.string().trim().min(1).max(2000),
  caption: line(4000),
  creator: line(300),
  creditLine: line(300),
  copyrightNotice: line(1000),
  usageTerms: line(2000),
});
export type WirePhoto = z.infer<typeof WirePhoto>;

/** A package's reference to another item (NewsML-G2 `itemRef`). */
export const WireReference = z.object({
  guid: z.string().trim().min(1).max(500),
  kind: z.string().trim().max(50),
  title: line(500),
});

export const WireItem = z.object({
  guid: z.string().trim().min(1, 'The item has no guid (NewsML-G2) or uri (ninjs).').max(500),
  version: z.number().int().min(0).max(1_000_000_000),
  format: z.enum(['newsml-g2', 'ninjs']),
  kind: z.enum(WIRE_KINDS),
  headline: line(500),
  slugline: line(200),
  /** The agency: the provider's name or code, or the copyright holder. */
  provider: line(200),
  /** The dateline place (`located`), e.g. "Berlin". */
  located: line(200),
  /** Who wrote it, as the agency names them. */
  byline: line(300),
  creditLine: line(300),
  description: line(4000),
  subjects: z.array(z.object({ code: line(200), name: z.string().trim().min(1).max(200) })).max(200),
  pubStatus: z.enum(PUB_STATUSES),
  signals: z.array(z.enum(WIRE_SIGNALS)).max(2),
  embargoedUntil: z.iso.datetime({ offset: true }).nullable(),
  versionCreated: z.iso.datetime({ offset: true }).nullable(),
  copyrightHolder: line(300),
  copyrightNotice: line(1000),
  usageTerms: line(2000),
  editorsNote: line(2000),
  body: BodyDoc,
  photos: z.array(WirePhoto).max(100),
  references: z.array(WireReference).max(500),
});
export type WireItem = z.infer<typeof WireItem>;
/** What a parser hands over, before the body is checked against the editor's schema. */
export type WireItemInput = z.input<typeof WireItem>;

/** How an item's photo ended up: in the library, or not received and why. */
export type WirePhotoOutcome = WirePhoto & ({ photoId: number; problem: null } | { photoId: null; problem: string });

export const PUB_STATUS_LABELS: Record<PubStatus, string> = {
  usable: 'Usable',
  withheld: 'Withheld',
  canceled: 'Canceled',
};
