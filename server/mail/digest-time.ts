import 'server-only';
import { instantFromLocalTime, localTimeInZone, startOfDayInZone } from '@/lib/zoned-time';

const DAY_MS = 86_400_000;
const pad = (value: number) => String(value).padStart(2, '0');

/** The next time the daily digest goes out after `now`: the hour on the newsroom's clock, today if still to come, else tomorrow. */
export function nextDigestAt(now: Date, hour: number, timeZone: string): Date {
  for (let day = 0; ; day++) {
    const date = localTimeInZone(new Date(now.getTime() + day * DAY_MS), timeZone).slice(0, 10);
    const at = digestTimeOn(date, hour, timeZone);
    if (at > now) return at;
  }
}

/** The hour on that day; on a day whose clocks skip it, the hour after (the clocks jump by one). */
function digestTimeOn(date: string, hour: number, timeZone: string): Date {
  const exact = instantFromLocalTime(`${date}T${pad(hour)}:00`, timeZone);
  if (exact.ok) return exact.at;
  const after = hour < 23 ? instantFromLocalTime(`${date}T${pad(hour + 1)}:00`, timeZone) : null;
  if (after?.ok) return after.at;
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return startOfDayInZone(next, timeZone);
}
