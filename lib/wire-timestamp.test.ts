import { describe, expect, it } from 'vitest';
import { formatWireClock, formatWireTime, wireStamp, wireStampText, zoneLabel } from './wire-timestamp';

describe('formatWireTime', () => {
  it('writes "HH:MM GMT DD.MM.YYYY" in UTC', () => {
    expect(formatWireTime(new Date('2022-02-15T12:57:00Z'), 'UTC')).toBe('12:57 GMT 15.02.2022');
    expect(formatWireTime('2022-02-15T00:05:00.000Z', 'UTC')).toBe('00:05 GMT 15.02.2022');
  });

  it('prints GMT in a London winter and BST in a London summer', () => {
    expect(formatWireTime(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe('12:00 GMT 15.01.2026');
    expect(formatWireTime(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe('13:00 BST 15.07.2026');
  });

  it('follows London’s clocks forward at 01:00 UTC on 29 March 2026', () => {
    expect(formatWireTime(new Date('2026-03-29T00:59:00Z'), 'Europe/London')).toBe('00:59 GMT 29.03.2026');
    expect(formatWireTime(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe('02:00 BST 29.03.2026');
  });

  it('follows London’s clocks back at 01:00 UTC on 25 October 2026, where the zone tells the two 01:30s apart', () => {
    expect(formatWireTime(new Date('2026-10-25T00:59:00Z'), 'Europe/London')).toBe('01:59 BST 25.10.2026');
    expect(formatWireTime(new Date('2026-10-25T01:00:00Z'), 'Europe/London')).toBe('01:00 GMT 25.10.2026');
    expect(formatWireTime(new Date('2026-10-25T00:30:00Z'), 'Europe/London')).toBe('01:30 BST 25.10.2026');
    expect(formatWireTime(new Date('2026-10-25T01:30:00Z'), 'Europe/London')).toBe('01:30 GMT 25.10.2026');
  });

  it('prints the offset for zones without a short name', () => {
    expect(formatWireTime(new Date('2026-03-05T11:05:00Z'), 'Europe/Moscow')).toBe('14:05 GMT+3 05.03.2026');
    expect(formatWireTime(new Date('2026-03-05T06:27:00Z'), 'Asia/Kolkata')).toBe('11:57 GMT+5:30 05.03.2026');
  });

  it('prints EST and EDT in New York', () => {
    expect(formatWireTime(new Date('2026-01-15T17:00:00Z'), 'America/New_York')).toBe('12:00 EST 15.01.2026');
    expect(formatWireTime(new Date('2026-07-15T16:00:00Z'), 'America/New_York')).toBe('12:00 EDT 15.07.2026');
  });

  it('dates the stamp by the zone’s calendar across midnight', () => {
    expect(formatWireTime(new Date('2026-03-05T23:30:00Z'), 'Europe/Berlin')).toBe('00:30 CET 06.03.2026');
    expect(formatWireTime(new Date('2026-03-05T23:30:00Z'), 'UTC')).toBe('23:30 GMT 05.03.2026');
    expect(formatWireTime(new Date('2026-03-06T00:30:00Z'), 'America/New_York')).toBe('19:30 EST 05.03.2026');
    expect(formatWireTime(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('00:30 CET 01.01.2027');
  });
});

describe('formatWireClock', () => {
  it('writes "HH:MM GMT", the time of a live entry, in the zone', () => {
    expect(formatWireClock('2022-02-15T13:03:00Z', 'UTC')).toBe('13:03 GMT');
    expect(formatWireClock(new Date('2026-07-15T13:03:00Z'), 'Europe/London')).toBe('14:03 BST');
    expect(formatWireClock('2026-07-15T13:03:00Z', 'Europe/Moscow')).toBe('16:03 GMT+3');
  });
});

describe('zoneLabel', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');

  it('prints every name for offset zero as GMT, never UTC', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Africa/Abidjan']) {
      expect(zoneLabel(winter, zone)).toBe('GMT');
      expect(zoneLabel(summer, zone)).toBe('GMT');
    }
  });

  it('prefers British names, then American ones', () => {
    expect([zoneLabel(winter, 'Europe/Berlin'), zoneLabel(summer, 'Europe/Berlin')]).toEqual(['CET', 'CEST']);
    expect([zoneLabel(winter, 'America/Los_Angeles'), zoneLabel(summer, 'America/Los_Angeles')]).toEqual(['PST', 'PDT']);
  });

  it('falls back to the offset form', () => {
    expect(zoneLabel(winter, 'Asia/Tokyo')).toBe('GMT+9');
    expect(zoneLabel('2026-01-15T12:00:00Z', 'Asia/Kathmandu')).toBe('GMT+5:45');
  });
});

describe('wireStamp', () => {
  const firstPublishedAt = '2022-02-15T12:57:00.000Z';

  it('gives the UTC ISO time for <time datetime> and the wire text for the reader', () => {
    const stamp = wireStamp({ firstPublishedAt: new Date(firstPublishedAt), updatedAt: '2022-02-15T13:03:00Z' }, 'UTC');
    expect(stamp).toEqual({
      published: { iso: '2022-02-15T12:57:00.000Z', text: '12:57 GMT 15.02.2022' },
      updated: { iso: '2022-02-15T13:03:00.000Z', text: '13:03 GMT 15.02.2022' },
    });
    expect(wireStampText(stamp)).toBe('12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)');
  });

  it('has no updated stamp until an update is published', () => {
    const stamp = wireStamp({ firstPublishedAt, updatedAt: null }, 'UTC');
    expect(stamp.updated).toBeNull();
    expect(wireStampText(stamp)).toBe('12:57 GMT 15.02.2022');
  });

  it('keeps the ISO time in UTC while the text follows the newsroom’s zone', () => {
    const stamp = wireStamp({ firstPublishedAt: '2026-07-15T12:00:00Z', updatedAt: '2026-07-15T23:30:00Z' }, 'Europe/Moscow');
    expect(stamp.published).toEqual({ iso: '2026-07-15T12:00:00.000Z', text: '15:00 GMT+3 15.07.2026' });
    expect(stamp.updated).toEqual({ iso: '2026-07-15T23:30:00.000Z', text: '02:30 GMT+3 16.07.2026' });
  });
});
