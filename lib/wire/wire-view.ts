import { bodyPlainText } from '@/lib/editor/body-text';
import type { WireItem, WirePhotoOutcome } from './wire-item';

/** How the desk sees stored agency copy (read by server/wire-ingest/queries.ts). */

export type WireQueueRow = {
  id: number;
  sourceName: string;
  provider: string;
  receivedAt: string;
  headline: string;
  slugline: string;
  subjects: string;
  pubStatus: WireItem['pubStatus'];
  embargoedUntil: string | null;
  version: number;
  kind: WireItem['kind'];
};

export type WireVersionView = { version: number; receivedAt: string; item: WireItem; photos: WirePhotoOutcome[] };

export type WireItemView = WireQueueRow & {
  guid: string;
  /** Every version received, newest first. */
  versions: WireVersionView[];
  /** Stories made from it, for the item page to link. */
  drafts: { articleId: number; headline: string; takenVersion: number }[];
};

export type ArticleWireState = {
  wireItemId: number;
  guid: string;
  provider: string;
  takenVersion: number;
  latestVersion: number;
  pubStatus: WireItem['pubStatus'];
  embargoedUntil: string | null;
  copyrightNotice: string;
  usageTerms: string;
  photos: WirePhotoOutcome[];
  /** The newest version when it is newer than the one taken: what changed, for the editor to offer. */
  newer: { version: number; signals: WireItem['signals']; before: string; after: string } | null;
};

/** An item's words as the diff compares them: headline, then the body, a line per paragraph. */
export function wireText(item: WireItem): string {
  return `${item.headline}\n${bodyPlainText(item.body)}`;
}
