import { formatClock } from '@/lib/desk-time';
import { type ZonedPattern, zonedFormatter } from '@/lib/zoned-formatters';

/** One stamp: `iso` (UTC) for `<time datetime>`, `text` for the reader. */
export type WireTime = { iso: string; text: string };
export type WireStamp = { published: WireTime; updated: WireTime | null };

/** Intl's offset form ("GMT+3", "GMT-5", "GMT+5:30"), printed when a zone has no short name. */
const OFFSET_FORM = /^GMT[+-]/;

/** The wire-service stamp under a published headline: "12:57 GMT 15.02.2022", 24-hour clock, in the zone. */
export function formatWireTime(at: Date | string, timeZone: string): string {
  const date = toDate(at);
  const parts = zonedFormatter('wireDate', timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${formatWireClock(date, timeZone)} ${part('day')}.${part('month')}.${part('year')}`;
}

/** The time alone as the wire prints it, "13:03 GMT": a live story's entries, all of one day's coverage. */
export function formatWireClock(at: Date | string, timeZone: string): string {
  const date = toDate(at);
  return `${formatClock(date, timeZone)} ${zoneLabel(date, timeZone)}`;
}

/**
 * The zone as the wire prints it at that instant. Wires write GMT, never UTC. British English knows
 * GMT/BST/CET/CEST, American English EST/EDT/PST; a zone neither names (Moscow, Kolkata) keeps
 * Intl's offset form.
 */
export function zoneLabel(at: Date | string, timeZone: string): string {
  const date = toDate(at);
  const british = shortZoneName('britishZoneName', date, timeZone);
  if (british === 'UTC') return 'GMT';
  if (!OFFSET_FORM.test(british)) return british;
  const american = shortZoneName('americanZoneName', date, timeZone);
  return OFFSET_FORM.test(american) ? british : american;
}

/**
 * The published stamp and, once an Update or Correction has gone out, the updated one. A minor fix
 * leaves `updatedAt` alone, so it never shows here.
 */
export function wireStamp(
  dates: { firstPublishedAt: Date | string; updatedAt: Date | string | null },
  timeZone: string,
): WireStamp {
  return {
    published: wireTime(dates.firstPublishedAt, timeZone),
    updated: dates.updatedAt === null ? null : wireTime(dates.updatedAt, timeZone),
  };
}

/** "12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)", or only the first part if never updated. */
export function wireStampText(stamp: WireStamp): string {
  return stamp.updated ? `${stamp.published.text} (Updated: ${stamp.updated.text})` : stamp.published.text;
}

function wireTime(at: Date | string, timeZone: string): WireTime {
  const date = toDate(at);
  return { iso: date.toISOString(), text: formatWireTime(date, timeZone) };
}

function shortZoneName(pattern: Extract<ZonedPattern, `${string}ZoneName`>, date: Date, timeZone: string): string {
  const parts = zonedFormatter(pattern, timeZone).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

function toDate(at: Date | string): Date {
  return typeof at === 'string' ? new Date(at) : at;
}
