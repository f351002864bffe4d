import { formatWireTime } from './wire-timestamp';
import { type PhotoCard, type PhotoPublishBlocker, photoPublishBlockers, type PhotoUse } from './photos/photo-use';

/** A story with no headline or no words cannot go out, whatever its photos. */
export type TextPublishBlocker = { field: 'headline' | 'body'; problem: 'empty'; message: string };

/** A story made from wire copy waits for the agency: an embargo not yet lifted, an item canceled or withheld. */
export type WirePublishBlocker = { field: 'wire'; problem: 'embargoed' | 'canceled' | 'withheld'; message: string };

export type PublishBlocker = TextPublishBlocker | PhotoPublishBlocker | WirePublishBlocker;

/**
 * Everything that stops a draft being published, each a message saying what to fix: the text's
 * problems first, then each photo's. The editor shows the list as it is typed; the publish step
 * computes it again from the stored working copy and refuses while it is not empty.
 */
export function publishBlockersOf(
  draft: { headline: string; bodyHasWords: boolean },
  uses: readonly PhotoUse[],
  cards: Readonly<Record<number, PhotoCard>>,
): PublishBlocker[] {
  const text: TextPublishBlocker[] = [];
  if (draft.headline.trim() === '') text.push({ field: 'headline', problem: 'empty', message: 'The headline is empty.' });
  if (!draft.bodyHasWords) text.push({ field: 'body', problem: 'empty', message: 'The body is empty.' });
  return [...text, ...photoPublishBlockers(uses, cards)];
}

/** What a story can go out without, but should not: recommended, never required. */
export type PublishRecommendation = { field: 'description' | 'socialImage'; message: string };

/**
 * What the checklist recommends before publishing: a description (the meta description, else the
 * standfirst) for search results and shared links, and a picture for the social card (the social
 * image, else the lead photo).
 */
export function publishRecommendationsOf(story: { description: string; hasSocialImage: boolean }): PublishRecommendation[] {
  const recommendations: PublishRecommendation[] = [];
  if (story.description.trim() === '') {
    recommendations.push({ field: 'description', message: 'Add a meta description or a standfirst: search results and shared links show it.' });
  }
  if (!story.hasSocialImage) {
    recommendations.push({ field: 'socialImage', message: 'Add a lead photo or a social image: a link shared without a picture is easily passed over.' });
  }
  return recommendations;
}

/**
 * What the agency's copy says about publishing a story made from it: nothing before its embargo
 * lifts (`embargoedUntil` is ISO 8601), and nothing while the agency has canceled or withheld it.
 */
export function wirePublishBlockers(
  wire: { pubStatus: 'usable' | 'withheld' | 'canceled'; embargoedUntil: string | null },
  now: Date,
  timeZone: string,
): WirePublishBlocker[] {
  const blockers: WirePublishBlocker[] = [];
  if (wire.pubStatus === 'canceled') blockers.push({ field: 'wire', problem: 'canceled', message: 'The agency canceled the wire item this story is made from.' });
  if (wire.pubStatus === 'withheld') blockers.push({ field: 'wire', problem: 'withheld', message: 'The agency withheld the wire item this story is made from.' });
  if (wire.embargoedUntil && new Date(wire.embargoedUntil) > now) {
    blockers.push({ field: 'wire', problem: 'embargoed', message: `The wire copy is embargoed until ${formatWireTime(wire.embargoedUntil, timeZone)}.` });
  }
  return blockers;
}
