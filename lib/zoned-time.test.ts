import { afterEach, describe, expect, it } from 'vitest';
import { instantFromLocalTime, isTimeZone, localTimeInZone, startOfDayInZone } from './zoned-time';

/** The instant, as a UTC ISO string, or the problem, so a failure shows which. */
function resolve(localTime: string, timeZone: string): string {
  const result = instantFromLocalTime(localTime, timeZone);
  return result.ok ? result.at.toISOString() : result.problem;
}

describe('isTimeZone', () => {
  it('knows IANA zones', () => {
    for (const zone of ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata']) expect(isTimeZone(zone)).toBe(true);
  });

  it('refuses names that are not zones, and bare offsets', () => {
    for (const zone of ['Mars/Olympus', '', 'London', '+03:00']) expect(isTimeZone(zone)).toBe(false);
  });
});

describe('instantFromLocalTime', () => {
  it('reads the wall clock in the zone', () => {
    expect(resolve('2026-12-01T09:00', 'Europe/London')).toBe('2026-12-01T09:00:00.000Z');
    expect(resolve('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(resolve('2026-01-15T12:00', 'America/New_York')).toBe('2026-01-15T17:00:00.000Z');
    expect(resolve('2026-06-01T09:00', 'Asia/Kolkata')).toBe('2026-06-01T03:30:00.000Z');
    expect(resolve('2026-06-01T03:00', 'Asia/Kolkata')).toBe('2026-05-31T21:30:00.000Z');
  });

  it('takes optional seconds', () => {
    expect(resolve('2026-12-01T09:00:30', 'UTC')).toBe('2026-12-01T09:00:30.000Z');
  });

  it('refuses input that is not a date and a time', () => {
    const problem = 'Give the time as a date and a time, e.g. 2026-12-01 09:00.';
    const otherShapes = ['', '09:00', '2026-12-01', '2026-12-01 09:00', '01/12/2026 09:00', '2026-12-01T09:00Z', '2026-12-01T09:00+01:00'];
    const notTimesOfDay = ['2026-12-01T9:00', '2026-12-01T24:00', '2026-12-01T09:60'];
    for (const input of [...otherShapes, ...notTimesOfDay]) expect(resolve(input, 'Europe/London')).toBe(problem);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(resolve('2026-02-30T09:00', 'Europe/London')).toBe('2026-02-30 is not a date on the calendar.');
    expect(resolve('2026-13-01T09:00', 'Europe/London')).toBe('2026-13-01 is not a date on the calendar.');
    expect(resolve('2026-02-29T09:00', 'UTC')).toBe('2026-02-29 is not a date on the calendar.');
    expect(resolve('2028-02-29T09:00', 'UTC')).toBe('2028-02-29T09:00:00.000Z');
  });

  it('refuses a zone it does not know', () => {
    expect(resolve('2026-12-01T09:00', 'Mars/Olympus')).toBe('“Mars/Olympus” is not a time zone we know.');
  });

  it('refuses a time the clocks skip as they go forward', () => {
    expect(resolve('2026-03-29T01:30', 'Europe/London')).toBe(
      '01:30 on 29 March 2026 does not exist in Europe/London: the clocks go forward then. Choose another time.',
    );
    expect(resolve('2026-03-29T01:00', 'Europe/London')).toContain('does not exist');
    expect(resolve('2026-03-08T02:30', 'America/New_York')).toBe(
      '02:30 on 8 March 2026 does not exist in America/New_York: the clocks go forward then. Choose another time.',
    );
  });

  it('reads the minutes either side of the skipped hour', () => {
    expect(resolve('2026-03-29T00:59', 'Europe/London')).toBe('2026-03-29T00:59:00.000Z');
    expect(resolve('2026-03-29T02:00', 'Europe/London')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of a time the clocks pass twice as they go back', () => {
    expect(resolve('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(resolve('2026-10-25T01:00', 'Europe/London')).toBe('2026-10-25T00:00:00.000Z');
    expect(resolve('2026-10-25T00:59', 'Europe/London')).toBe('2026-10-24T23:59:00.000Z');
    expect(resolve('2026-10-25T02:00', 'Europe/London')).toBe('2026-10-25T02:00:00.000Z');
    expect(resolve('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles a zone whose clocks move by half an hour', () => {
    // Lord Howe Island goes from +10:30 to +11 at 02:00 on 4 October 2026 and back on 5 April.
    expect(resolve('2026-10-04T02:15', 'Australia/Lord_Howe')).toContain('does not exist');
    expect(resolve('2026-04-05T01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  describe('whatever the zone of the machine it runs on', () => {
    const hostZone = process.env.TZ;
    afterEach(() => {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    });

    // The server runs in UTC and the desk's browser in its own zone: both must read a time alike.
    it.each(['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata'])('gives the same answers on a machine in %s', (zone) => {
      process.env.TZ = zone;
      expect(resolve('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
      expect(resolve('2026-03-29T01:30', 'Europe/London')).toContain('does not exist');
      expect(resolve('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
      expect(localTimeInZone(new Date('2026-10-25T01:30:00Z'), 'Europe/London')).toBe('2026-10-25T01:30');
    });
  });
});

describe('localTimeInZone', () => {
  it('gives the datetime-local value in the zone', () => {
    expect(localTimeInZone(new Date('2026-12-01T09:00:00Z'), 'Europe/London')).toBe('2026-12-01T09:00');
    expect(localTimeInZone(new Date('2026-07-01T08:00:00Z'), 'Europe/London')).toBe('2026-07-01T09:00');
    expect(localTimeInZone(new Date('2026-06-01T03:30:00Z'), 'Asia/Kolkata')).toBe('2026-06-01T09:00');
  });

  it('dates it by the zone’s calendar across midnight', () => {
    expect(localTimeInZone(new Date('2026-03-06T00:30:00Z'), 'America/New_York')).toBe('2026-03-05T19:30');
    expect(localTimeInZone(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01T00:30');
    expect(localTimeInZone(new Date('2026-05-31T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-06-01T00:30');
  });

  it('round-trips with instantFromLocalTime', () => {
    const cases: [string, string][] = [
      ['2026-12-01T09:00', 'Europe/London'],
      ['2026-07-01T09:00', 'Europe/London'],
      ['2026-03-29T02:00', 'Europe/London'],
      ['2026-10-25T01:30', 'Europe/London'],
      ['2026-06-01T00:15', 'Asia/Kolkata'],
      ['2026-11-01T01:30', 'America/New_York'],
    ];
    for (const [localTime, zone] of cases) {
      const result = instantFromLocalTime(localTime, zone);
      if (!result.ok) throw new Error(result.problem);
      expect(localTimeInZone(result.at, zone)).toBe(localTime);
      expect(instantFromLocalTime(localTimeInZone(result.at, zone), zone)).toEqual(result);
    }
  });

  it('reads the second 01:30 of the night the clocks go back as the first', () => {
    const second = new Date('2026-10-25T01:30:00Z');
    expect(localTimeInZone(second, 'Europe/London')).toBe('2026-10-25T01:30');
    expect(resolve(localTimeInZone(second, 'Europe/London'), 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('startOfDayInZone', () => {
  it('is the day’s midnight in the zone, in summer and in winter', () => {
    expect(startOfDayInZone('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfDayInZone('2026-01-15', 'Europe/London').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfDayInZone('2026-01-15', 'Europe/Moscow').toISOString()).toBe('2026-01-14T21:00:00.000Z');
  });

  it('is the moment the clocks jump where they skip midnight', () => {
    expect(startOfDayInZone('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});
