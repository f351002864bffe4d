/**
 * Desk times in the newsroom's zone: "14:05 today", "09:12 yesterday", then "3 Nov 14:05" within the
 * year and "3 Nov 2025" before it. 24-hour clock, as newsrooms write it.
 */
export function formatDeskTime(at: Date | string, timeZone: string, now: Date = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const time = formatter('clock', timeZone).format(date);
  const day = dayKey(date, timeZone);
  const today = dayKey(now, timeZone);
  if (day === today) return `${time} today`;
  if (day === previousDay(today)) return `${time} yesterday`;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const dayMonth = formatter(sameYear ? 'dayMonth' : 'dayMonthYear', timeZone).format(date);
  return sameYear ? `${dayMonth} ${time}` : dayMonth;
}

/** "HH:MM" in the newsroom's zone. */
export function formatClock(at: Date | string, timeZone: string): string {
  return formatter('clock', timeZone).format(typeof at === 'string' ? new Date(at) : at);
}

/** YYYY-MM-DD of the instant in the zone (en-CA formats dates that way). */
function dayKey(date: Date, timeZone: string): string {
  return formatter('dayKey', timeZone).format(date);
}

const PATTERNS = {
  clock: ['en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
  dayMonth: ['en-GB', { day: 'numeric', month: 'short' }],
  dayMonthYear: ['en-GB', { day: 'numeric', month: 'short', year: 'numeric' }],
  dayKey: ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }],
} as const satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;

/**
 * Making an Intl.DateTimeFormat costs far more than formatting with one, and the editing screen
 * formats a time per history line and comment on every render (renders that can land between two
 * keystrokes): one formatter per pattern and zone, made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(pattern: keyof typeof PATTERNS, timeZone: string): Intl.DateTimeFormat {
  const key = `${pattern} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    const [locale, options] = PATTERNS[pattern];
    made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, made);
  }
  return made;
}

/**
 * The calendar day before a YYYY-MM-DD key. Counted on the calendar, not as now − 24 h: the zone's
 * day before a clock change has 23 or 25 hours, and 24 hours back would land on the wrong day.
 */
function previousDay(key: string): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
