import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import { MAX_BODY_BYTES, plainTextToDoc } from '@/lib/article-body';
import type { ArticleStatus } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import type { SaveArticleInput } from '@/lib/validation/article';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { createArticle } from './create-article';
import { saveArticle } from './save-article';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function edit(version: number, headline: string, body = `${headline}, the story.`): SaveArticleInput {
  return {
    version,
    headline,
    standfirst: `About ${headline}`,
    datelinePlace: 'LONDON',
    datelineSource: 'Reuters',
    byline: 'By The Desk',
    body: plainTextToDoc(body),
  };
}

function revisionsOf(articleId: number) {
  return getDb().select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(revisions.number).all();
}

function articleRow(articleId: number) {
  return getDb().select().from(articles).where(eq(articles.id, articleId)).get();
}

function setStatus(articleId: number, status: ArticleStatus) {
  getDb().update(articles).set({ status }).where(eq(articles.id, articleId)).run();
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
    for (const status of ['in_review', 'approved', 'published'] as const) {
      setStatus(id, status);
      expect(appErrorFrom(() => saveArticle(writer, id, edit(1, 'Sneaky fix'))).code).toBe('FORBIDDEN');
    }
    expect(revisionsOf(id)).toHaveLength(1);
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
