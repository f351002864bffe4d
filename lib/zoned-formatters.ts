/** The date and time patterns Dateline prints, each as [locale, options] without the zone. */
const PATTERNS = {
  clock: ['en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }],
  dayMonth: ['en-GB', { day: 'numeric', month: 'short' }],
  dayMonthYear: ['en-GB', { day: 'numeric', month: 'short', year: 'numeric' }],
  dayKey: ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }],
  wireDate: ['en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }],
  britishZoneName: ['en-GB', { timeZoneName: 'short' }],
  americanZoneName: ['en-US', { timeZoneName: 'short' }],
} as const satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;

export type ZonedPattern = keyof typeof PATTERNS;

/**
 * Making an Intl.DateTimeFormat costs far more than formatting with one: the editing screen formats
 * a time per history line and comment on every render (renders that can land between two
 * keystrokes), and the front page prints two wire stamps for each of its thirty stories (made
 * afresh, the formatters were a third of its render). One formatter per pattern and zone, made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function zonedFormatter(pattern: ZonedPattern, timeZone: string): Intl.DateTimeFormat {
  const key = `${pattern} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    const [locale, options] = PATTERNS[pattern];
    made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, made);
  }
  return made;
}
