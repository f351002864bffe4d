import { TZDate, tzOffset } from '@date-fns/tz';

export type LocalTimeResult = { ok: true; at: Date } | { ok: false; problem: string };

/** What `<input type="datetime-local">` sends: YYYY-MM-DDTHH:MM, seconds optional. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** An IANA zone name the runtime's Intl knows (it also accepts aliases such as "US/Eastern"). */
export function isTimeZone(zone: string): boolean {
  try {
    const { timeZone } = new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions();
    // Node 22+ also accepts a bare UTC offset ("+03:00"), which has no clock changes: a newsroom
    // that means Moscow time names Europe/Moscow.
    return !/^[+-]/.test(timeZone);
  } catch {
    return false;
  }
}

/**
 * The instant a desk means by "09:00 on 1 December 2026 in Europe/London". A wall-clock time the
 * clocks skip is refused rather than moved, so a story never goes out at a time nobody chose. One
 * the clocks pass twice (01:30 as they go back) is the first of the two: the first moment the
 * newsroom's clocks show it, as Temporal's and java.time's defaults also read it.
 */
export function instantFromLocalTime(localTime: string, timeZone: string): LocalTimeResult {
  const match = LOCAL_TIME.exec(localTime);
  if (!match) return { ok: false, problem: 'Give the time as a date and a time, e.g. 2026-12-01 09:00.' };
  const fields = match.slice(1).map((part = '0') => Number(part));
  const [year, month, day, hours, minutes, seconds] = fields as [number, number, number, number, number, number];
  // Date.UTC rolls 30 February over into March (and reads years 0–99 as 19xx); reading the fields
  // back catches both.
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (calendarDay.getUTCFullYear() !== year || calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) {
    return { ok: false, problem: `${localTime.slice(0, 10)} is not a date on the calendar.` };
  }
  if (!isTimeZone(timeZone)) return { ok: false, problem: `“${timeZone}” is not a time zone we know.` };

  const wallClock = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const [first] = instantsShowing(wallClock, timeZone);
  if (first === undefined) {
    const dayText = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(calendarDay);
    return {
      ok: false,
      problem: `${localTime.slice(11, 16)} on ${dayText} does not exist in ${timeZone}: the clocks go forward then. Choose another time.`,
    };
  }
  return { ok: true, at: new Date(first) };
}

/** YYYY-MM-DDTHH:MM in the zone: the value to put back into a datetime-local input. */
export function localTimeInZone(at: Date, timeZone: string): string {
  const local = new TZDate(at, timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/**
 * The first instant of a calendar day (YYYY-MM-DD) in the zone: its midnight, or, where the clocks
 * skip midnight (Santiago, Beirut), the moment they jump, which is the first the day has.
 */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const wallClock = Date.parse(`${day}T00:00:00Z`);
  const [first] = instantsShowing(wallClock, timeZone);
  return new Date(first ?? wallClock - tzOffset(timeZone, new Date(wallClock - DAY_MS)) * MINUTE_MS);
}

/**
 * The instants, earliest first, whose clock in the zone reads `wallClock` (a wall-clock time
 * written as if it were UTC): none in a gap, two in an overlap. We do not take TZDate's own
 * reading of wall-clock fields: in an overlap it picks by the host's zone (London's 01:30 on
 * 25 October 2026 is 01:30 UTC on a UTC server, 00:30 UTC in a London browser), so the server
 * and the desk would disagree.
 */
function instantsShowing(wallClock: number, timeZone: string): number[] {
  // Any clock change near this time lies within a day of it, so the offsets a day either side are
  // the only ones that can apply.
  const offsets = new Set([tzOffset(timeZone, new Date(wallClock - DAY_MS)), tzOffset(timeZone, new Date(wallClock + DAY_MS))]);
  return [...offsets]
    .map((offset) => wallClock - offset * MINUTE_MS)
    .filter((instant) => instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS === wallClock)
    .sort((a, b) => a - b);
}
