import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';
import { appErrorFrom } from '@/tests/app-error';
import { type AuditEntry, auditEntries } from '@/tests/audit-entries';
import { makeUser, writtenStory } from '@/tests/factories';
import { submitArticle } from '@/server/articles/review-steps';
import { claimReview } from '@/server/review/claim-review';
import { findSessionUser } from './queries';
import { changeUserRole, setUserDisabled } from './update-user-access';

const T0 = new Date('2026-03-02T09:00:00Z');

function userRow(id: number) {
  return getDb()
    .select({ role: users.role, sessionVersion: users.sessionVersion, disabledAt: users.disabledAt, updatedAt: users.updatedAt })
    .from(users)
    .where(eq(users.id, id))
    .get();
}

/** Every user starts with a user.create entry; these tests are about what came after it. */
const notCreate = (entry: AuditEntry) => entry.action !== 'user.create';

describe('disabling and enabling a user', () => {
  it('refuses the user’s existing session at once, and re-enabling does not revive it', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor', 'Eve Editor');
    expect(findSessionUser(editor.id, 1)).toEqual(editor);

    setUserDisabled(admin, editor.id, true, T0);
    expect(findSessionUser(editor.id, 1)).toBeNull();
    expect(userRow(editor.id)).toEqual({ role: 'editor', sessionVersion: 2, disabledAt: T0, updatedAt: T0 });
    // While disabled, no version works, not even the current one.
    expect(findSessionUser(editor.id, 2)).toBeNull();

    setUserDisabled(admin, editor.id, false, T0);
    expect(userRow(editor.id)).toMatchObject({ sessionVersion: 3, disabledAt: null });
    expect(findSessionUser(editor.id, 1)).toBeNull();
    expect(findSessionUser(editor.id, 2)).toBeNull();
    // A fresh sign-in picks up the current version.
    expect(findSessionUser(editor.id, 3)).toEqual(editor);

    expect(auditEntries({ targetType: 'user', targetId: editor.id }).filter(notCreate)).toEqual([
      { actorId: admin.id, action: 'user.disable', targetType: 'user', targetId: String(editor.id), details: null },
      { actorId: admin.id, action: 'user.enable', targetType: 'user', targetId: String(editor.id), details: null },
    ]);
  });

  it('lets go of the person’s review claims at once, and says which in the audit entry', async () => {
    const admin = await makeUser('admin');
    const desk = await makeUser('copy_editor');
    const otherDesk = await makeUser('copy_editor');
    const writer = await makeUser('editor');
    const submitted = writtenStory(writer, 'Claimed by the desk');
    submitArticle(writer, submitted.id, { version: submitted.version, note: '' });
    claimReview(desk, submitted.id, { claim: true, expectedClaimantId: null });
    const othersClaim = writtenStory(writer, 'Claimed by another desk');
    submitArticle(writer, othersClaim.id, { version: othersClaim.version, note: '' });
    claimReview(otherDesk, othersClaim.id, { claim: true, expectedClaimantId: null });

    setUserDisabled(admin, desk.id, true, T0);
    const claimant = (id: number) => getDb().select({ claimedBy: articles.claimedBy }).from(articles).where(eq(articles.id, id)).get()?.claimedBy;
    expect(claimant(submitted.id)).toBeNull();
    expect(claimant(othersClaim.id)).toBe(otherDesk.id);
    expect(auditEntries({ action: 'user.disable', targetId: desk.id })[0]?.details).toEqual({ releasedClaims: [submitted.id] });
  });

  it('lets an admin disable another admin while an active admin remains', async () => {
    const admin = await makeUser('admin');
    const other = await makeUser('admin');
    setUserDisabled(admin, other.id, true, T0);
    expect(findSessionUser(other.id, 1)).toBeNull();
  });
});

describe('changing a user’s role', () => {
  it('refuses the old session, records from/to, and the new session carries the new role', async () => {
    const admin = await makeUser('admin');
    const copy = await makeUser('copy_editor');
    expect(findSessionUser(copy.id, 1)?.role).toBe('copy_editor');

    changeUserRole(admin, copy.id, 'editor', T0);
    expect(findSessionUser(copy.id, 1)).toBeNull();
    expect(findSessionUser(copy.id, 2)).toEqual({ ...copy, role: 'editor' });
    expect(auditEntries({ targetType: 'user', targetId: copy.id }).filter(notCreate)).toEqual([
      {
        actorId: admin.id,
        action: 'user.change_role',
        targetType: 'user',
        targetId: String(copy.id),
        details: { from: 'copy_editor', to: 'editor' },
      },
    ]);
  });
});

describe('who may change access', () => {
  it('refuses a role outside the list (INVALID), and changes nothing', async () => {
    const admin = await makeUser('admin');
    const editor = await makeUser('editor');
    for (const role of ['owner', 'ADMIN', '', 'admin ']) {
      const error = appErrorFrom(() => changeUserRole(admin, editor.id, role));
      expect(error.code).toBe('INVALID');
      expect(error.details.fields?.role).toEqual(['Unknown role']);
    }
    expect(userRow(editor.id)).toMatchObject({ role: 'editor', sessionVersion: 1 });
  });

  it('refuses an admin changing their own access (FORBIDDEN), and changes nothing', async () => {
    const admin = await makeUser('admin');
    await makeUser('admin'); // another admin exists, so the refusal is about the self, not the count

    expect(appErrorFrom(() => setUserDisabled(admin, admin.id, true)).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => changeUserRole(admin, admin.id, 'editor')).code).toBe('FORBIDDEN');
    expect(userRow(admin.id)).toMatchObject({ role: 'admin', sessionVersion: 1, disabledAt: null });
    expect(findSessionUser(admin.id, 1)).toEqual(admin);
    expect(auditEntries({ targetType: 'user', targetId: admin.id }).filter(notCreate)).toEqual([]);
  });

  it('refuses editors and copy editors (FORBIDDEN), and changes nothing', async () => {
    const editor = await makeUser('editor');
    const copy = await makeUser('copy_editor');
    const target = await makeUser('editor');

    for (const actor of [editor, copy]) {
      const disable = appErrorFrom(() => setUserDisabled(actor, target.id, true));
      expect(disable.code).toBe('FORBIDDEN');
      expect(disable.status).toBe(403);
      expect(appErrorFrom(() => changeUserRole(actor, target.id, 'admin')).code).toBe('FORBIDDEN');
    }
    expect(userRow(target.id)).toMatchObject({ role: 'editor', sessionVersion: 1, disabledAt: null });
    expect(auditEntries({ targetType: 'user', targetId: target.id }).filter(notCreate)).toEqual([]);
  });

  it('answers NOT_FOUND for a user that does not exist', async () => {
    const admin = await makeUser('admin');
    expect(appErrorFrom(() => setUserDisabled(admin, 999_999, true)).code).toBe('NOT_FOUND');
  });

  it('never removes the last active admin (CONFLICT)', async () => {
    const actor = await makeUser('admin');
    const lastAdmin = await makeUser('admin');
    // The actor's own row was just disabled by a concurrent request while this one was in flight
    // (as was every other admin this file made): `lastAdmin` is the only active admin left.
    getDb()
      .update(users)
      .set({ disabledAt: T0 })
      .where(and(eq(users.role, 'admin'), ne(users.id, lastAdmin.id)))
      .run();

    const disable = appErrorFrom(() => setUserDisabled(actor, lastAdmin.id, true));
    expect(disable.code).toBe('CONFLICT');
    expect(disable.status).toBe(409);
    expect(appErrorFrom(() => changeUserRole(actor, lastAdmin.id, 'copy_editor')).code).toBe('CONFLICT');

    expect(userRow(lastAdmin.id)).toMatchObject({ role: 'admin', sessionVersion: 1, disabledAt: null });
    expect(findSessionUser(lastAdmin.id, 1)).toEqual(lastAdmin);
    expect(auditEntries({ targetType: 'user', targetId: lastAdmin.id }).filter(notCreate)).toEqual([]);

    // The last admin trying it on themselves hears the same reason.
    const self = appErrorFrom(() => setUserDisabled(lastAdmin, lastAdmin.id, true));
    expect(self.code).toBe('CONFLICT');
    expect(self.message).toBe('Dateline needs at least one active admin: make someone else an admin first.');
    expect(appErrorFrom(() => changeUserRole(lastAdmin, lastAdmin.id, 'editor')).code).toBe('CONFLICT');
    expect(userRow(lastAdmin.id)).toMatchObject({ role: 'admin', disabledAt: null });

    // Keeping the role, or changing a non-admin, is still fine.
    const editor = await makeUser('editor');
    changeUserRole(actor, editor.id, 'copy_editor');
    expect(userRow(editor.id)?.role).toBe('copy_editor');
  });
});
