import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, returnArticle, submitArticle } from '@/server/articles/review-steps';
import { makeUser, writtenStory } from '@/tests/factories';

const T0 = new Date('2026-08-01T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let writer: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  desk = await makeUser('copy_editor', 'Cora Copy');
});

const received = (user: SessionUser, articleId: number) =>
  getDb()
    .select({ kind: notifications.kind, actorId: notifications.actorId, articleId: notifications.articleId })
    .from(notifications)
    .where(eq(notifications.recipientId, user.id))
    .all()
    .filter((row) => row.articleId === articleId)
    .map((row) => [row.kind, row.actorId]);

describe('what the workflow tells a writer', () => {
  it('returned, approved and published reach the story’s writer, from whoever did it', () => {
    const story = writtenStory(writer, 'Bell rings', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version }, at(1));
    const returned = returnArticle(desk, story.id, { version: submitted.version, note: 'Add a quote.' }, at(2));
    const again = submitArticle(writer, story.id, { version: returned.version }, at(3));
    const approved = approveArticle(desk, story.id, { version: again.version }, at(4));
    publishArticle(desk, story.id, { version: approved.version }, at(5));
    expect(received(writer, story.id)).toEqual([
      ['returned', desk.id],
      ['approved', desk.id],
      ['published', desk.id],
    ]);
    // Submitting tells nobody: the queue is where the desk sees it.
    expect(received(desk, story.id)).toEqual([]);
  });

  it('a writer publishing their own story is not told about it', async () => {
    const admin = await makeUser('admin', 'Ada Admin');
    const story = writtenStory(admin, 'Own story', at(0));
    publishArticle(admin, story.id, { version: story.version }, at(1));
    expect(received(admin, story.id)).toEqual([]);
  });
});
