import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { LOCK_TTL_MS } from '@/lib/edit-lock';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { createArticle } from './create-article';
import { claimEditLock, releaseEditLock } from './edit-lock';
import { setStatus } from '@/tests/article-rows';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function lockOf(articleId: number) {
  return getDb()
    .select({ lockedBy: articles.lockedBy, lockedSince: articles.lockedSince, lockHeartbeatAt: articles.lockHeartbeatAt })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
}

const takeOvers = (articleId: number) => auditEntries({ action: 'article.lock.take_over', targetId: articleId });

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;
let secondCopyEditor: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
  secondCopyEditor = await makeUser('copy_editor', 'Dan Desk');
});

describe('claimEditLock', () => {
  it('takes a free lock: the claimer holds it from now', () => {
    const { id } = createArticle(writer, T0);
    expect(claimEditLock(writer, id, {}, at(10))).toEqual({
      mine: true,
      holder: { id: writer.id, name: 'Wendy Writer' },
      since: at(10).toISOString(),
    });
    expect(lockOf(id)).toEqual({ lockedBy: writer.id, lockedSince: at(10), lockHeartbeatAt: at(10) });
    expect(takeOvers(id)).toEqual([]);
  });

  it('renews the holder’s own lock on each heartbeat, keeping when they took it', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    claimEditLock(writer, id, {}, at(15));
    const state = claimEditLock(writer, id, {}, at(30));
    expect(state).toEqual({ mine: true, holder: { id: writer.id, name: 'Wendy Writer' }, since: at(0).toISOString() });
    expect(lockOf(id)).toEqual({ lockedBy: writer.id, lockedSince: at(0), lockHeartbeatAt: at(30) });
    // Renewed heartbeats keep it alive well past one TTL after it was first taken.
    expect(claimEditLock(copyEditor, id, {}, at(30 + 59)).mine).toBe(false);
  });

  it('does not take someone else’s live lock: the claimer learns who holds it and since when', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    const state = claimEditLock(copyEditor, id, {}, at(59));
    expect(state).toEqual({ mine: false, holder: { id: writer.id, name: 'Wendy Writer' }, since: at(0).toISOString() });
    expect(lockOf(id)).toEqual({ lockedBy: writer.id, lockedSince: at(0), lockHeartbeatAt: at(0) });
    expect(takeOvers(id)).toEqual([]);
  });

  it('takes a lapsed lock without a take-over: a lock with no heartbeat for 60 s is free', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    // Exactly one TTL after the last heartbeat the lock has lapsed.
    const lapsed = new Date(T0.getTime() + LOCK_TTL_MS);
    expect(claimEditLock(copyEditor, id, {}, lapsed)).toEqual({
      mine: true,
      holder: { id: copyEditor.id, name: 'Cora Copy' },
      since: lapsed.toISOString(),
    });
    expect(lockOf(id)).toEqual({ lockedBy: copyEditor.id, lockedSince: lapsed, lockHeartbeatAt: lapsed });
    expect(takeOvers(id)).toEqual([]);
  });

  it('gives the previous holder a fresh `since` when they come back after their lock lapsed', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    expect(claimEditLock(writer, id, {}, at(61))).toMatchObject({ mine: true, since: at(61).toISOString() });
  });

  it('takes a live lock with takeOver and audits whom it was taken from', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    claimEditLock(writer, id, {}, at(15));
    const state = claimEditLock(copyEditor, id, { takeOver: true }, at(20));
    expect(state).toEqual({ mine: true, holder: { id: copyEditor.id, name: 'Cora Copy' }, since: at(20).toISOString() });
    expect(lockOf(id)).toEqual({ lockedBy: copyEditor.id, lockedSince: at(20), lockHeartbeatAt: at(20) });
    expect(takeOvers(id)).toEqual([
      {
        actorId: copyEditor.id,
        action: 'article.lock.take_over',
        targetType: 'article',
        targetId: String(id),
        details: { from: { id: writer.id, name: 'Wendy Writer' }, heldSince: at(0).toISOString() },
      },
    ]);
    // The former holder now only sees who has it.
    expect(claimEditLock(writer, id, {}, at(21))).toEqual({
      mine: false,
      holder: { id: copyEditor.id, name: 'Cora Copy' },
      since: at(20).toISOString(),
    });
  });

  it('does not audit a takeOver that took nothing from anyone (free, lapsed or already mine)', () => {
    const { id } = createArticle(writer, T0);
    expect(claimEditLock(copyEditor, id, { takeOver: true }, at(0)).mine).toBe(true);
    expect(claimEditLock(copyEditor, id, { takeOver: true }, at(10))).toMatchObject({ mine: true, since: at(0).toISOString() });
    expect(claimEditLock(secondCopyEditor, id, { takeOver: true }, at(10 + 61)).mine).toBe(true);
    expect(takeOvers(id)).toEqual([]);
  });

  it('never gives the lock to someone who may not edit the article, and refuses their takeOver (FORBIDDEN)', () => {
    const { id } = createArticle(writer, T0);
    setStatus(id, 'in_review');

    // Free lock: another editor may see the submitted article but not edit it.
    expect(claimEditLock(otherWriter, id, {}, at(0))).toEqual({ mine: false, holder: null, since: null });
    expect(lockOf(id)).toEqual({ lockedBy: null, lockedSince: null, lockHeartbeatAt: null });

    // Held lock: they learn who holds it, and cannot take it.
    claimEditLock(copyEditor, id, {}, at(5));
    expect(claimEditLock(otherWriter, id, {}, at(10))).toEqual({
      mine: false,
      holder: { id: copyEditor.id, name: 'Cora Copy' },
      since: at(5).toISOString(),
    });
    const refused = appErrorFrom(() => claimEditLock(otherWriter, id, { takeOver: true }, at(10)));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.status).toBe(403);
    expect(lockOf(id)).toEqual({ lockedBy: copyEditor.id, lockedSince: at(5), lockHeartbeatAt: at(5) });
    expect(takeOvers(id)).toEqual([]);
  });

  it('refuses takeOver (FORBIDDEN) even when the lock is free, for someone who may not edit', () => {
    const { id } = createArticle(writer, T0);
    setStatus(id, 'in_review');
    expect(appErrorFrom(() => claimEditLock(otherWriter, id, { takeOver: true }, at(0))).code).toBe('FORBIDDEN');
    expect(lockOf(id)?.lockedBy).toBeNull();
  });

  it('does not give the writer the lock on their own article once it is with the copy desk', () => {
    const { id } = createArticle(writer, T0);
    setStatus(id, 'in_review');
    expect(claimEditLock(writer, id, {}, at(0))).toEqual({ mine: false, holder: null, since: null });
    expect(appErrorFrom(() => claimEditLock(writer, id, { takeOver: true }, at(0))).code).toBe('FORBIDDEN');
    expect(lockOf(id)?.lockedBy).toBeNull();
  });

  it('lets the copy desk take the lock on a writer’s draft', () => {
    const { id } = createArticle(writer, T0);
    expect(claimEditLock(copyEditor, id, {}, at(0)).mine).toBe(true);
  });

  it('answers NOT_FOUND for an article the person may not see, or that does not exist, and changes nothing', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    for (const takeOver of [false, true]) {
      const error = appErrorFrom(() => claimEditLock(otherWriter, id, { takeOver }, at(1)));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.status).toBe(404);
    }
    expect(appErrorFrom(() => claimEditLock(copyEditor, 999_999, {}, at(1))).code).toBe('NOT_FOUND');
    expect(lockOf(id)).toEqual({ lockedBy: writer.id, lockedSince: at(0), lockHeartbeatAt: at(0) });
    expect(takeOvers(id)).toEqual([]);
  });
});

describe('releaseEditLock', () => {
  it('frees the person’s own lock, so the next person takes it at once', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(writer, id, {}, at(0));
    releaseEditLock(writer, id);
    expect(lockOf(id)).toEqual({ lockedBy: null, lockedSince: null, lockHeartbeatAt: null });
    expect(claimEditLock(copyEditor, id, {}, at(1))).toMatchObject({ mine: true, since: at(1).toISOString() });
    expect(takeOvers(id)).toEqual([]);
  });

  it('leaves someone else’s lock alone', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(copyEditor, id, {}, at(0));
    releaseEditLock(writer, id);
    releaseEditLock(secondCopyEditor, id);
    expect(lockOf(id)).toEqual({ lockedBy: copyEditor.id, lockedSince: at(0), lockHeartbeatAt: at(0) });
  });

  it('is harmless on a free lock', () => {
    const { id } = createArticle(writer, T0);
    releaseEditLock(writer, id);
    expect(lockOf(id)).toEqual({ lockedBy: null, lockedSince: null, lockHeartbeatAt: null });
  });
});
