import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { lockedOutMinutes, MAX_FAILURES, recordLoginAttempt, WINDOW_MS } from './login-throttle';

const MINUTE = 60_000;
const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

/** A fresh address per test, so tests never see each other's attempts. */
const freshEmail = () => `throttle-${randomUUID()}@test.example`;

function fail(email: string, ...minutes: number[]) {
  for (const m of minutes) recordLoginAttempt(getDb(), email, false, at(m));
}

describe('lockedOutMinutes', () => {
  it('matches the stated policy: five failures in fifteen minutes', () => {
    expect(MAX_FAILURES).toBe(5);
    expect(WINDOW_MS).toBe(15 * MINUTE);
  });

  it('lets an email with no history, or fewer than five failures, try', () => {
    const email = freshEmail();
    expect(lockedOutMinutes(getDb(), email, T0)).toBeNull();
    fail(email, 0, 0, 0, 0);
    expect(lockedOutMinutes(getDb(), email, T0)).toBeNull();
  });

  it('locks for 15 minutes right after the fifth failure, counting down after', () => {
    const email = freshEmail();
    fail(email, 0, 0, 0, 0, 0);
    expect(lockedOutMinutes(getDb(), email, at(0))).toBe(15);
    expect(lockedOutMinutes(getDb(), email, at(6))).toBe(9);
    // Partial minutes round up, and the answer never says 0 while still locked.
    expect(lockedOutMinutes(getDb(), email, at(14.5))).toBe(1);
    expect(lockedOutMinutes(getDb(), email, at(14.99))).toBe(1);
    expect(lockedOutMinutes(getDb(), email, at(15))).toBeNull();
  });

  it('slides: the lock lifts when the oldest of the five failures leaves the window', () => {
    const email = freshEmail();
    fail(email, 0, 1, 2, 3, 4);
    expect(lockedOutMinutes(getDb(), email, at(4))).toBe(11);
    expect(lockedOutMinutes(getDb(), email, at(15))).toBeNull();
    // Four failures are still inside the window, so one more locks again, until minute 1 + 15.
    fail(email, 15);
    expect(lockedOutMinutes(getDb(), email, at(15))).toBe(1);
    expect(lockedOutMinutes(getDb(), email, at(16))).toBeNull();
  });

  it('ignores failures older than the window', () => {
    const email = freshEmail();
    fail(email, -30, -20, -16, 0, 1);
    expect(lockedOutMinutes(getDb(), email, at(2))).toBeNull();
  });

  it('counts failures only since the last successful login', () => {
    const email = freshEmail();
    fail(email, 0, 1, 2, 3);
    recordLoginAttempt(getDb(), email, true, at(4));
    fail(email, 5, 6, 7, 8);
    expect(lockedOutMinutes(getDb(), email, at(9))).toBeNull();
    fail(email, 9);
    expect(lockedOutMinutes(getDb(), email, at(9))).toBe(11);
  });

  it('keeps each email’s count separate', () => {
    const locked = freshEmail();
    fail(locked, 0, 0, 0, 0, 0);
    expect(lockedOutMinutes(getDb(), locked, T0)).toBe(15);
    expect(lockedOutMinutes(getDb(), freshEmail(), T0)).toBeNull();
  });
});
