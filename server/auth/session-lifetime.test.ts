import { describe, expect, it } from 'vitest';
import { isPersonActing, nextSessionTimes } from './session-lifetime';

const HOUR = 3600;
const LIMITS = { maxAgeSeconds: 12 * HOUR, idleSeconds: HOUR };
const SIGNED_IN = 1_800_000_000;

describe('nextSessionTimes', () => {
  it('keeps a session in use, moving its last activity to now', () => {
    const token = { signedInAt: SIGNED_IN, lastActive: SIGNED_IN + 2 * HOUR };
    expect(nextSessionTimes(token, SIGNED_IN + 2.5 * HOUR, LIMITS)).toEqual({
      signedInAt: SIGNED_IN,
      lastActive: SIGNED_IN + 2.5 * HOUR,
    });
  });

  it('ends a session idle for longer than the idle timeout, and not a moment before', () => {
    const token = { signedInAt: SIGNED_IN, lastActive: SIGNED_IN };
    expect(nextSessionTimes(token, SIGNED_IN + HOUR, LIMITS)).not.toBeNull();
    expect(nextSessionTimes(token, SIGNED_IN + HOUR + 1, LIMITS)).toBeNull();
  });

  it('ends a session at its maximum age however active it has been', () => {
    // Active every half hour all day: never idle, still ended at twelve hours.
    let token = { signedInAt: SIGNED_IN, lastActive: SIGNED_IN };
    for (let at = SIGNED_IN + HOUR / 2; at <= SIGNED_IN + 12 * HOUR; at += HOUR / 2) {
      const next = nextSessionTimes(token, at, LIMITS);
      expect(next).not.toBeNull();
      token = next ?? token;
    }
    expect(nextSessionTimes(token, SIGNED_IN + 12 * HOUR + 1, LIMITS)).toBeNull();
  });

  it('ends a token without the times (issued before they existed, or tampered with)', () => {
    expect(nextSessionTimes({}, SIGNED_IN, LIMITS)).toBeNull();
    expect(nextSessionTimes({ signedInAt: SIGNED_IN }, SIGNED_IN, LIMITS)).toBeNull();
    expect(nextSessionTimes({ signedInAt: String(SIGNED_IN), lastActive: SIGNED_IN }, SIGNED_IN, LIMITS)).toBeNull();
  });
});

describe('isPersonActing', () => {
  const request = (method: string, path: string) => new Request(`http://localhost:3000${path}`, { method });

  it('counts the API’s writes: an autosave, a comment, a publish, releasing a lock', () => {
    expect(isPersonActing(request('PUT', '/api/articles/7'))).toBe(true);
    expect(isPersonActing(request('POST', '/api/articles/7/comments'))).toBe(true);
    expect(isPersonActing(request('POST', '/api/articles/7/workflow'))).toBe(true);
    expect(isPersonActing(request('DELETE', '/api/articles/7/lock'))).toBe(true);
  });

  it('does not count the polling an open tab does by itself: reads and the lock heartbeat', () => {
    expect(isPersonActing(request('GET', '/api/notifications'))).toBe(false);
    expect(isPersonActing(request('HEAD', '/api/articles/7'))).toBe(false);
    expect(isPersonActing(request('POST', '/api/articles/7/lock'))).toBe(false);
  });
});
