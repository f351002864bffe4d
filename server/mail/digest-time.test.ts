import { describe, expect, it } from 'vitest';
import { nextDigestAt } from './digest-time';

describe('when the daily digest goes out', () => {
  it('at the hour on the newsroom’s clock: today while it is still to come, else tomorrow', () => {
    expect(nextDigestAt(new Date('2026-12-05T06:59:00Z'), 7, 'Europe/London')).toEqual(new Date('2026-12-05T07:00:00Z'));
    expect(nextDigestAt(new Date('2026-12-05T07:00:00Z'), 7, 'Europe/London')).toEqual(new Date('2026-12-06T07:00:00Z'));
    // Summer time: 07:00 in London is 06:00 UTC; in Tokyo it is 22:00 UTC the day before.
    expect(nextDigestAt(new Date('2026-07-01T12:00:00Z'), 7, 'Europe/London')).toEqual(new Date('2026-07-02T06:00:00Z'));
    expect(nextDigestAt(new Date('2026-07-01T12:00:00Z'), 7, 'Asia/Tokyo')).toEqual(new Date('2026-07-01T22:00:00Z'));
  });

  it('on a day whose clocks skip the hour, at the hour after', () => {
    // London's clocks go from 01:00 to 02:00 on 29 March 2026: 01:00 does not happen that day.
    expect(nextDigestAt(new Date('2026-03-28T12:00:00Z'), 1, 'Europe/London')).toEqual(new Date('2026-03-29T01:00:00Z'));
  });
});
