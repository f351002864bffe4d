import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import { EMPTY_BODY } from '@/lib/article-body';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { createArticle } from './create-article';
import { getArticle } from './queries';

const T0 = new Date('2026-03-02T09:00:00Z');

describe('createArticle', () => {
  it('opens a draft at version 1 whose revision 1 is a blank with the writer’s byline', async () => {
    const editor = await makeUser('editor', 'Rosa Byline');
    const { id } = createArticle(editor, T0);

    const article = getDb().select().from(articles).where(eq(articles.id, id)).get();
    expect(article).toMatchObject({
      status: 'draft',
      version: 1,
      authorId: editor.id,
      lastEditedAt: T0,
      lastEditedBy: editor.id,
      liveRevisionId: null,
      firstPublishedAt: null,
    });
    expect(article?.slug).toMatch(/^draft-/);

    const rows = getDb().select().from(revisions).where(eq(revisions.articleId, id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: article?.workingRevisionId,
      number: 1,
      kind: 'create',
      authorId: editor.id,
      createdAt: T0,
      byline: 'Rosa Byline',
      headline: '',
      body: EMPTY_BODY,
    });

    expect(getArticle(editor, id)).toMatchObject({
      id,
      status: 'draft',
      version: 1,
      revisionNumber: 1,
      byline: 'Rosa Byline',
      authorName: 'Rosa Byline',
      lastEditedByName: 'Rosa Byline',
      lastEditedAt: T0.toISOString(),
    });
  });

  it('gives each draft its own placeholder slug and audits article.create', async () => {
    const editor = await makeUser('editor');
    const first = createArticle(editor, T0);
    const second = createArticle(editor, T0);
    const slugs = getDb().select({ slug: articles.slug }).from(articles).where(eq(articles.authorId, editor.id)).all();
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);

    const audit = auditEntries({ action: 'article.create' }).map(({ actorId, targetType, targetId }) => ({ actorId, targetType, targetId }));
    expect(audit).toEqual(
      expect.arrayContaining([
        { actorId: editor.id, targetType: 'article', targetId: String(first.id) },
        { actorId: editor.id, targetType: 'article', targetId: String(second.id) },
      ]),
    );
  });
});
