import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, plainTextToDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields } from '@/tests/factories';
import { createArticle } from './create-article';
import { AUTOSAVE_FOLD_MS, type SaveRequest, saveArticle } from './save-article';
import { articleRow, revisionsOf, setStatus } from '@/tests/article-rows';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

function edit(version: number, headline: string, body?: string): SaveRequest {
  return { ...storyFields(headline, body), version };
}

function autosave(version: number, headline: string, body?: string): SaveRequest {
  return { ...edit(version, headline, body), mode: 'autosave' };
}

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
});

describe('saveArticle', () => {
  it('writes a new revision per save, moving the version, and never rewrites older revisions', () => {
    const { id } = createArticle(writer, T0);
    const [created] = revisionsOf(id);

    const first = saveArticle(writer, id, edit(1, 'Floods in the valley'), at(1));
    expect(first).toMatchObject({ version: 2, revisionNumber: 2, headline: 'Floods in the valley', lastEditedByName: 'Wendy Writer' });
    const afterFirst = revisionsOf(id);

    const second = saveArticle(writer, id, edit(2, 'Floods reach the town'), at(2));
    expect(second).toMatchObject({ version: 3, revisionNumber: 3, headline: 'Floods reach the town' });
    expect(second.lastEditedAt).toBe(at(2).toISOString());

    const all = revisionsOf(id);
    expect(all.map((r) => [r.number, r.kind, r.headline])).toEqual([
      [1, 'create', ''],
      [2, 'save', 'Floods in the valley'],
      [3, 'save', 'Floods reach the town'],
    ]);
    // Append-only: the rows that existed before each save are exactly as they were.
    expect(all[0]).toEqual(created);
    expect(all.slice(0, 2)).toEqual(afterFirst);
    expect(all[2]).toMatchObject({
      authorId: writer.id,
      createdAt: at(2),
      standfirst: 'About Floods reach the town',
      datelinePlace: 'LONDON',
      datelineSource: 'Reuters',
      byline: 'By The Desk',
      bodyText: 'Floods reach the town, the story.',
    });
    expect(articleRow(id)).toMatchObject({ version: 3, workingRevisionId: all[2]?.id, lastEditedAt: at(2), lastEditedBy: writer.id });
  });

  it('audits every save with actor, target, revision and new version', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, edit(1, 'One'), at(1));
    saveArticle(copyEditor, id, edit(2, 'Two'), at(2));
    expect(auditEntries({ action: 'article.save', targetId: id })).toEqual([
      { actorId: writer.id, action: 'article.save', targetType: 'article', targetId: String(id), details: { revision: 2, version: 2 } },
      { actorId: copyEditor.id, action: 'article.save', targetType: 'article', targetId: String(id), details: { revision: 3, version: 3 } },
    ]);
  });

  it('refuses a save based on a stale version with CONFLICT, the current state and who saved, writing nothing', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, edit(1, 'Writer’s first go'), at(1));
    // The copy desk saves version 2 while the writer still has version 2 open.
    saveArticle(copyEditor, id, edit(2, 'Desk’s tighter headline'), at(2));
    const before = { revisions: revisionsOf(id), article: articleRow(id), audit: auditEntries({ action: 'article.save', targetId: id }) };

    const error = appErrorFrom(() => saveArticle(writer, id, edit(2, 'Writer’s second go'), at(3)));
    expect(error.code).toBe('CONFLICT');
    expect(error.status).toBe(409);
    expect(error.message).toContain('Cora Copy');
    expect(error.details.current).toMatchObject({
      id,
      version: 3,
      revisionNumber: 3,
      headline: 'Desk’s tighter headline',
      lastEditedByName: 'Cora Copy',
      lastEditedAt: at(2).toISOString(),
    });

    expect(revisionsOf(id)).toEqual(before.revisions);
    expect(articleRow(id)).toEqual(before.article);
    expect(auditEntries({ action: 'article.save', targetId: id })).toEqual(before.audit);
  });

  it('refuses a version from the future as well', () => {
    const { id } = createArticle(writer, T0);
    expect(appErrorFrom(() => saveArticle(writer, id, edit(7, 'Time traveller'))).code).toBe('CONFLICT');
    expect(revisionsOf(id)).toHaveLength(1);
  });

  it('hides another writer’s draft (NOT_FOUND) and refuses it once submitted (FORBIDDEN)', () => {
    const { id } = createArticle(writer, T0);
    const hidden = appErrorFrom(() => saveArticle(otherWriter, id, edit(1, 'Hijack')));
    expect(hidden.code).toBe('NOT_FOUND');
    expect(hidden.status).toBe(404);

    setStatus(id, 'in_review');
    const refused = appErrorFrom(() => saveArticle(otherWriter, id, edit(1, 'Hijack')));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.status).toBe(403);

    expect(revisionsOf(id)).toHaveLength(1);
    expect(auditEntries({ action: 'article.save', targetId: id })).toEqual([]);
  });

  it('refuses the writer their own article once it is with the copy desk (FORBIDDEN)', () => {
    const { id } = createArticle(writer, T0);
    for (const status of ['in_review', 'approved', 'scheduled'] as const) {
      setStatus(id, status);
      expect(appErrorFrom(() => saveArticle(writer, id, edit(1, 'Sneaky fix'))).code).toBe('FORBIDDEN');
    }
    expect(revisionsOf(id)).toHaveLength(1);
  });

  it('lets the writer change their own live or withdrawn story: the change waits in the working copy', () => {
    for (const status of ['published', 'withdrawn'] as const) {
      const { id } = createArticle(writer, T0);
      setStatus(id, status);
      expect(saveArticle(writer, id, edit(1, 'A later development')).status).toBe(status);
    }
  });

  it('lets the copy desk edit anyone’s article, draft or in review', () => {
    const draft = createArticle(writer, T0);
    expect(saveArticle(copyEditor, draft.id, edit(1, 'Desk edit of a draft')).version).toBe(2);

    const submitted = createArticle(otherWriter, T0);
    setStatus(submitted.id, 'in_review');
    const saved = saveArticle(copyEditor, submitted.id, edit(1, 'Desk edit in review'));
    expect(saved).toMatchObject({ version: 2, status: 'in_review', authorName: 'Oscar Other', lastEditedByName: 'Cora Copy' });
    expect(revisionsOf(submitted.id).at(-1)?.authorId).toBe(copyEditor.id);
  });

  it('refuses a body over 1 MB with TOO_LARGE on the body field, writing nothing', () => {
    const { id } = createArticle(writer, T0);
    const error = appErrorFrom(() => saveArticle(writer, id, edit(1, 'Epic', 'x'.repeat(MAX_BODY_BYTES))));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.details.fields?.body?.[0]).toMatch(/limit is 1 MB/);
    expect(revisionsOf(id)).toHaveLength(1);

    // Just under the limit is fine.
    const fits = saveArticle(writer, id, edit(1, 'Long read', 'x'.repeat(MAX_BODY_BYTES - 200)));
    expect(fits.version).toBe(2);
  });

  it('answers NOT_FOUND for an article that does not exist', () => {
    expect(appErrorFrom(() => saveArticle(copyEditor, 999_999, edit(1, 'Ghost'))).code).toBe('NOT_FOUND');
  });
});

describe('saveArticle: autosave folding and keep mine', () => {
  /** Number, kind, author and headline of every revision, oldest first. */
  const history = (articleId: number) => revisionsOf(articleId).map((r) => [r.number, r.kind, r.authorId, r.headline]);
  const auditCount = (action: string, articleId: number) => auditEntries({ action, targetId: articleId }).length;

  it('folds autosaves by the same author within 5 minutes into one revision, bumping the version each time', () => {
    const { id } = createArticle(writer, T0);
    const start = at(1);
    const first = saveArticle(writer, id, autosave(1, 'Draft one'), start);
    expect(first).toMatchObject({ version: 2, revisionNumber: 2, revisionKind: 'autosave' });
    const second = saveArticle(writer, id, autosave(2, 'Draft two'), later(start, 30_000));
    expect(second).toMatchObject({ version: 3, revisionNumber: 2, headline: 'Draft two' });
    // The window runs from the autosave revision's creation, so 1 ms short of 5 min still folds.
    const third = saveArticle(writer, id, autosave(3, 'Draft three', 'Final words.'), later(start, AUTOSAVE_FOLD_MS - 1));
    expect(third).toMatchObject({ version: 4, revisionNumber: 2, headline: 'Draft three' });

    const all = revisionsOf(id);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ kind: 'autosave', authorId: writer.id, createdAt: start, headline: 'Draft three', bodyText: 'Final words.' });
    expect(articleRow(id)).toMatchObject({
      version: 4,
      workingRevisionId: all[1]?.id,
      lastEditedAt: later(start, AUTOSAVE_FOLD_MS - 1),
      lastEditedBy: writer.id,
    });
    // One audit entry for the revision the autosaves started, none for the folds.
    expect(auditEntries({ action: 'article.autosave', targetId: id })).toEqual([
      { actorId: writer.id, action: 'article.autosave', targetType: 'article', targetId: String(id), details: { revision: 2, version: 2 } },
    ]);
  });

  it('starts a new autosave revision once 5 minutes have passed since the autosave revision began', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, autosave(1, 'Early'), at(1));
    saveArticle(writer, id, autosave(2, 'Still early'), at(4));
    // Folding does not restart the window: 5 min after the first autosave is a new revision.
    const saved = saveArticle(writer, id, autosave(3, 'Late'), later(at(1), AUTOSAVE_FOLD_MS));
    expect(saved).toMatchObject({ version: 4, revisionNumber: 3, revisionKind: 'autosave' });
    expect(history(id)).toEqual([
      [1, 'create', writer.id, ''],
      [2, 'autosave', writer.id, 'Still early'],
      [3, 'autosave', writer.id, 'Late'],
    ]);
    expect(auditCount('article.autosave', id)).toBe(2);
  });

  it('never folds into an explicit save, and never folds an explicit save into an autosave', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, autosave(1, 'Auto'), at(1));
    saveArticle(writer, id, edit(2, 'Saved'), at(2));
    saveArticle(writer, id, autosave(3, 'Auto after save'), at(3));
    saveArticle(writer, id, autosave(4, 'Auto folded'), at(4));
    expect(history(id)).toEqual([
      [1, 'create', writer.id, ''],
      [2, 'autosave', writer.id, 'Auto'],
      [3, 'save', writer.id, 'Saved'],
      [4, 'autosave', writer.id, 'Auto folded'],
    ]);
    expect(articleRow(id)?.version).toBe(5);
    expect(auditCount('article.autosave', id)).toBe(2);
    expect(auditCount('article.save', id)).toBe(1);
  });

  it('does not fold one person’s autosave into another’s', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, autosave(1, 'Writer’s words'), at(1));
    const desk = saveArticle(copyEditor, id, autosave(2, 'Desk’s words'), at(2));
    expect(desk).toMatchObject({ version: 3, revisionNumber: 3, revisionKind: 'autosave' });
    expect(history(id)).toEqual([
      [1, 'create', writer.id, ''],
      [2, 'autosave', writer.id, 'Writer’s words'],
      [3, 'autosave', copyEditor.id, 'Desk’s words'],
    ]);
    // The writer's own revision was left as it was.
    expect(revisionsOf(id)[1]).toMatchObject({ headline: 'Writer’s words', createdAt: at(1) });
    expect(auditEntries({ action: 'article.autosave', targetId: id }).map((e) => e.actorId)).toEqual([writer.id, copyEditor.id]);
  });

  it('records keep_mine as its own save with a change note, audited as article.keep_mine', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, autosave(1, 'Mine'), at(1));
    saveArticle(copyEditor, id, edit(2, 'Theirs'), at(2));
    const conflict = appErrorFrom(() => saveArticle(writer, id, autosave(2, 'Mine again'), at(3)));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/^Cora Copy saved this article after you opened it/);

    // The writer chooses their text, based on the version the conflict showed them.
    const current = conflict.details.current as { version: number };
    const kept = saveArticle(writer, id, { ...edit(current.version, 'Mine again'), mode: 'keep_mine' }, at(4));
    expect(kept).toMatchObject({ version: 4, revisionNumber: 4, revisionKind: 'save', headline: 'Mine again' });
    expect(revisionsOf(id).at(-1)).toMatchObject({ kind: 'save', authorId: writer.id, changeNote: 'Kept over a conflicting version' });
    expect(auditEntries({ action: 'article.keep_mine', targetId: id })).toEqual([
      { actorId: writer.id, action: 'article.keep_mine', targetType: 'article', targetId: String(id), details: { revision: 4, version: 4 } },
    ]);
    // keep_mine never folds, even into the keeper's own autosave straight before it.
    saveArticle(writer, id, autosave(4, 'Auto'), at(5));
    saveArticle(writer, id, { ...edit(5, 'Kept twice'), mode: 'keep_mine' }, at(5));
    expect(revisionsOf(id).map((r) => r.kind)).toEqual(['create', 'autosave', 'save', 'save', 'autosave', 'save']);
  });

  it('leaves the change note empty on plain saves and autosaves', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, edit(1, 'Saved'), at(1));
    saveArticle(writer, id, autosave(2, 'Auto'), at(2));
    expect(revisionsOf(id).map((r) => r.changeNote)).toEqual([null, null, null]);
  });

  it('takes 10,000 rapid autosaves, 10 ms apart, as one autosave revision holding the last text', () => {
    const { id } = createArticle(writer, T0);
    const start = at(1);
    const base = edit(1, 'Rapid');
    const runs = 10_000;
    const began = performance.now();
    for (let i = 0; i < runs; i++) {
      const saved = saveArticle(writer, id, { ...base, version: i + 1, mode: 'autosave', body: plainTextToDoc(`Keystroke ${i}`) }, later(start, i * 10));
      // Checked cheaply each time: every version is accepted.
      if (saved.version !== i + 2) throw new Error(`autosave ${i} answered version ${saved.version}`);
    }
    const elapsed = performance.now() - began;
    console.info(`10,000 autosaves took ${(elapsed / 1000).toFixed(1)} s`);

    const all = revisionsOf(id);
    expect(all.map((r) => [r.number, r.kind])).toEqual([
      [1, 'create'],
      [2, 'autosave'],
    ]);
    expect(all[1]).toMatchObject({ authorId: writer.id, createdAt: start, bodyText: `Keystroke ${runs - 1}` });
    expect(articleRow(id)).toMatchObject({ version: runs + 1, workingRevisionId: all[1]?.id, lastEditedAt: later(start, (runs - 1) * 10) });
    expect(auditCount('article.autosave', id)).toBe(1);
  }, 60_000);
});
