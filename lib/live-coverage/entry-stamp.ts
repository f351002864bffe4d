import { formatClock } from '@/lib/desk-time';
import { formatWireClock, formatWireDate, type WireTime } from '@/lib/wire-timestamp';
import type { PublicLiveEntry } from './live-entry';

/** An entry's times as its live page prints them, each `iso` for `<time datetime>`; the page prints "Updated" before `updated`. */
export type EntryStamp = { posted: WireTime; updated: WireTime | null };

/**
 * "13:03 GMT", as the wire stamps the time of a live entry, with the date after it once coverage
 * has run past the day it began ("09:15 GMT 16.02.2022"), and "Updated 13:10" once edited (with
 * its date too when edited on a later day than posted). The page's own stamp above gives the day.
 */
export function entryStamp(entry: Pick<PublicLiveEntry, 'postedAt' | 'updatedAt'>, coverageStart: string | null, timeZone: string): EntryStamp {
  const day = (at: string) => formatWireDate(at, timeZone);
  const postedDay = day(entry.postedAt);
  const posted = formatWireClock(entry.postedAt, timeZone) + (coverageStart !== null && day(coverageStart) !== postedDay ? ` ${postedDay}` : '');
  const updated =
    entry.updatedAt === null
      ? null
      : { iso: entry.updatedAt, text: `${formatClock(entry.updatedAt, timeZone)}${day(entry.updatedAt) !== postedDay ? ` ${day(entry.updatedAt)}` : ''}` };
  return { posted: { iso: entry.postedAt, text: posted }, updated };
}
