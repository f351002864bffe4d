import { describe, expect, it } from 'vitest';
import { formatClock, formatDeskTime } from './desk-time';

describe('formatDeskTime in UTC', () => {
  const now = new Date('2026-03-05T16:30:00Z');

  it('writes today’s times as "HH:MM today"', () => {
    expect(formatDeskTime(new Date('2026-03-05T14:05:00Z'), 'UTC', now)).toBe('14:05 today');
    expect(formatDeskTime(new Date('2026-03-05T00:00:00Z'), 'UTC', now)).toBe('00:00 today');
  });

  it('writes yesterday’s as "HH:MM yesterday"', () => {
    expect(formatDeskTime(new Date('2026-03-04T09:12:00Z'), 'UTC', now)).toBe('09:12 yesterday');
    expect(formatDeskTime(new Date('2026-03-04T23:59:00Z'), 'UTC', now)).toBe('23:59 yesterday');
  });

  it('writes earlier days this year as "D Mon HH:MM"', () => {
    expect(formatDeskTime(new Date('2026-03-03T14:05:00Z'), 'UTC', now)).toBe('3 Mar 14:05');
    expect(formatDeskTime(new Date('2026-01-01T00:01:00Z'), 'UTC', now)).toBe('1 Jan 00:01');
  });

  it('writes other years as "D Mon YYYY"', () => {
    expect(formatDeskTime(new Date('2025-11-03T14:05:00Z'), 'UTC', now)).toBe('3 Nov 2025');
  });

  it('accepts an ISO string, as the API sends', () => {
    expect(formatDeskTime('2026-03-05T14:05:00.000Z', 'UTC', now)).toBe('14:05 today');
  });

  it('writes yesterday across a year boundary as yesterday', () => {
    expect(formatDeskTime(new Date('2025-12-31T22:00:00Z'), 'UTC', new Date('2026-01-01T08:00:00Z'))).toBe('22:00 yesterday');
  });
});

describe('formatDeskTime in the newsroom’s zone', () => {
  it('uses Moscow’s clock and calendar (UTC+3)', () => {
    const now = new Date('2026-03-05T22:30:00Z'); // 01:30 on 6 March in Moscow
    expect(formatDeskTime(new Date('2026-03-05T21:10:00Z'), 'Europe/Moscow', now)).toBe('00:10 today');
    expect(formatDeskTime(new Date('2026-03-05T20:50:00Z'), 'Europe/Moscow', now)).toBe('23:50 yesterday');
    expect(formatDeskTime(new Date('2026-03-05T11:05:00Z'), 'Europe/Moscow', now)).toBe('14:05 yesterday');
    expect(formatDeskTime(new Date('2026-03-04T11:05:00Z'), 'Europe/Moscow', now)).toBe('4 Mar 14:05');
    // The same instants in UTC fall on other days.
    expect(formatDeskTime(new Date('2026-03-05T20:50:00Z'), 'UTC', now)).toBe('20:50 today');
  });

  it('decides "this year" by the zone’s calendar', () => {
    const now = new Date('2025-12-31T21:30:00Z'); // already 2026 in Moscow
    expect(formatDeskTime(new Date('2025-11-03T11:05:00Z'), 'Europe/Moscow', now)).toBe('3 Nov 2025');
    expect(formatDeskTime(new Date('2025-11-03T11:05:00Z'), 'UTC', now)).toBe('3 Nov 11:05');
  });

  it('finds yesterday across a clock change, where a day has 23 or 25 hours', () => {
    // London springs forward on 30 March 2025 (a 23-hour day) and falls back on 26 October (25 hours).
    expect(formatDeskTime(new Date('2025-03-30T11:00:00Z'), 'Europe/London', new Date('2025-03-30T23:30:00Z'))).toBe(
      '12:00 yesterday',
    );
    expect(formatDeskTime(new Date('2025-10-25T11:00:00Z'), 'Europe/London', new Date('2025-10-26T23:30:00Z'))).toBe(
      '12:00 yesterday',
    );
    expect(formatDeskTime(new Date('2025-10-26T12:00:00Z'), 'Europe/London', new Date('2025-10-26T23:30:00Z'))).toBe(
      '12:00 today',
    );
  });
});

describe('formatClock', () => {
  it('gives the 24-hour clock in the zone', () => {
    expect(formatClock(new Date('2026-03-05T14:05:00Z'), 'UTC')).toBe('14:05');
    expect(formatClock('2026-03-05T21:10:00Z', 'Europe/Moscow')).toBe('00:10');
  });
});
