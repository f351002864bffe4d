import { zonedFormatter } from '@/lib/zoned-formatters';

/**
 * Desk times in the newsroom's zone: "14:05 today", "09:12 yesterday", then "3 Nov 14:05" within the
 * year and "3 Nov 2025" before it. 24-hour clock, as newsrooms write it.
 */
export function formatDeskTime(at: Date | string, timeZone: string, now: Date = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const time = zonedFormatter('clock', timeZone).format(date);
  const day = dayKey(date, timeZone);
  const today = dayKey(now, timeZone);
  if (day === today) return `${time} today`;
  if (day === previousDay(today)) return `${time} yesterday`;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const dayMonth = zonedFormatter(sameYear ? 'dayMonth' : 'dayMonthYear', timeZone).format(date);
  return sameYear ? `${dayMonth} ${time}` : dayMonth;
}

/** "HH:MM" in the newsroom's zone. */
export function formatClock(at: Date | string, timeZone: string): string {
  return zonedFormatter('clock', timeZone).format(typeof at === 'string' ? new Date(at) : at);
}

/** YYYY-MM-DD of the instant in the zone (en-CA formats dates that way). */
function dayKey(date: Date, timeZone: string): string {
  return zonedFormatter('dayKey', timeZone).format(date);
}

/**
 * The calendar day before a YYYY-MM-DD key. Counted on the calendar, not as now − 24 h: the zone's
 * day before a clock change has 23 or 25 hours, and 24 hours back would land on the wrong day.
 */
function previousDay(key: string): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
