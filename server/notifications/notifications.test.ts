import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { comments, notifications } from '@/db/schema';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { saveArticle } from '@/server/articles/save-article';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { listNotifications, unreadCount } from './list-notifications';
import { markNotificationsRead } from './mark-read';
import { type NotificationEvent, notify } from './notify';

let desk: SessionUser;
let scheduler: SessionUser;

beforeAll(async () => {
  desk = await makeUser('copy_editor', 'Cora Desk');
  scheduler = await makeUser('editor', 'Sam Scheduler');
});

/** A fresh person per test, so counts never carry over from another test. */
const makeRecipient = (name = 'Wendy Writer') => makeUser('editor', name);

function record(event: NotificationEvent): void {
  getDb().transaction((tx) => notify(tx, event, new Date()));
}

function commentOn(articleId: number, author: SessionUser, body: string): number {
  return getDb()
    .insert(comments)
    .values({ articleId, authorId: author.id, body })
    .returning({ id: comments.id })
    .get().id;
}

const readAtOf = (id: number) =>
  getDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()?.readAt;

describe('listNotifications', () => {
  it('lists a person’s notifications newest first: kind, story, who, the comment’s start, when, unread', async () => {
    const writer = await makeRecipient();
    const story = writtenStory(writer, 'Flood warning');
    const commentId = commentOn(story.id, desk, `@Wendy can you check the river levels? ${'More detail. '.repeat(20)}`);

    record({ recipientId: writer.id, kind: 'returned', articleId: story.id, actorId: desk.id });
    record({ recipientId: writer.id, kind: 'mentioned', articleId: story.id, actorId: desk.id, commentId });
    record({ recipientId: writer.id, kind: 'published', articleId: story.id, actorId: null });

    const { items, nextCursor } = listNotifications(writer);
    expect(nextCursor).toBeNull();
    expect(items.map((item) => [item.kind, item.headline, item.actorName, item.read])).toEqual([
      ['published', 'Flood warning', null, false],
      ['mentioned', 'Flood warning', 'Cora Desk', false],
      ['returned', 'Flood warning', 'Cora Desk', false],
    ]);
    expect(items.every((item) => item.articleId === story.id)).toBe(true);
    expect(items[1]?.commentExcerpt).toMatch(/^@Wendy can you check the river levels\? More detail\..*…$/);
    expect(items[0]?.commentExcerpt).toBeNull();
    expect(Date.parse(items[0]?.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(unreadCount(writer)).toBe(3);
  });

  it('shows the working headline as it is now, and names an untitled draft as the desk list does', async () => {
    const writer = await makeRecipient();
    const { id } = createArticle(writer);
    record({ recipientId: writer.id, kind: 'lock_taken', articleId: id, actorId: desk.id });
    expect(listNotifications(writer).items[0]?.headline).toBe(UNTITLED_HEADLINE);

    saveArticle(writer, id, { ...storyFields('<script>alert(1)</script> Budget'), version: 1 });
    expect(listNotifications(writer).items[0]?.headline).toBe('<script>alert(1)</script> Budget');
  });

  it('pages by cursor: no notification shown twice or skipped, even when new ones arrive meanwhile', async () => {
    const writer = await makeRecipient();
    const story = writtenStory(writer, 'Paged');
    for (let i = 0; i < 5; i++) record({ recipientId: writer.id, kind: 'approved', articleId: story.id, actorId: desk.id });
    const all = listNotifications(writer).items.map((item) => item.id);

    const first = listNotifications(writer, { limit: 2 });
    record({ recipientId: writer.id, kind: 'approved', articleId: story.id, actorId: desk.id });
    const second = listNotifications(writer, { limit: 2, cursor: Number(first.nextCursor) });
    const third = listNotifications(writer, { limit: 2, cursor: Number(second.nextCursor) });

    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(all);
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
  });

  it('never shows anyone else’s notifications', async () => {
    const writer = await makeRecipient();
    const colleague = await makeRecipient('Oscar Other');
    const story = writtenStory(writer, 'Mine alone');
    record({ recipientId: writer.id, kind: 'approved', articleId: story.id, actorId: desk.id });

    expect(listNotifications(colleague).items).toEqual([]);
    expect(unreadCount(colleague)).toBe(0);
    // Even a cursor above every id lists only the asker's own.
    record({ recipientId: colleague.id, kind: 'mentioned', articleId: story.id, actorId: desk.id });
    expect(listNotifications(colleague, { cursor: Number.MAX_SAFE_INTEGER }).items.map((item) => item.kind)).toEqual(['mentioned']);
  });
});

describe('notify', () => {
  it('records nothing when the person did it themselves', async () => {
    const writer = await makeRecipient();
    const story = writtenStory(writer, 'Self-served');
    record({ recipientId: writer.id, kind: 'published', articleId: story.id, actorId: writer.id });
    expect(listNotifications(writer).items).toEqual([]);
    expect(unreadCount(writer)).toBe(0);
  });
});

describe('markNotificationsRead', () => {
  it('marks the listed ones read, keeps the time they were first read, and answers the unread count', async () => {
    const writer = await makeRecipient();
    const story = writtenStory(writer, 'Read me');
    for (let i = 0; i < 3; i++) record({ recipientId: writer.id, kind: 'approved', articleId: story.id, actorId: desk.id });
    const [newest, middle] = listNotifications(writer).items.map((item) => item.id);
    const firstRead = new Date('2026-03-02T09:00:00Z');

    expect(markNotificationsRead(writer, { ids: [newest!] }, firstRead)).toBe(2);
    expect(markNotificationsRead(writer, { ids: [newest!, middle!] }, new Date('2026-03-02T10:00:00Z'))).toBe(1);
    expect(readAtOf(newest!)).toEqual(firstRead);
    expect(listNotifications(writer).items.map((item) => item.read)).toEqual([true, true, false]);
    expect(markNotificationsRead(writer, { ids: [] })).toBe(1);
  });

  it('marks all of the person’s own read and no one else’s', async () => {
    const writer = await makeRecipient();
    const colleague = await makeRecipient('Oscar Other');
    const story = writtenStory(writer, 'All read');
    record({ recipientId: writer.id, kind: 'approved', articleId: story.id, actorId: desk.id });
    record({ recipientId: writer.id, kind: 'published', articleId: story.id, actorId: scheduler.id });
    record({ recipientId: colleague.id, kind: 'mentioned', articleId: story.id, actorId: desk.id });

    expect(markNotificationsRead(writer, { all: true })).toBe(0);
    expect(listNotifications(writer).items.every((item) => item.read)).toBe(true);
    expect(unreadCount(colleague)).toBe(1);
  });

  it('ignores someone else’s ids: nothing of theirs changes, and the asker learns nothing', async () => {
    const writer = await makeRecipient();
    const colleague = await makeRecipient('Oscar Other');
    const story = writtenStory(writer, 'Not yours');
    record({ recipientId: writer.id, kind: 'approved', articleId: story.id, actorId: desk.id });
    record({ recipientId: colleague.id, kind: 'mentioned', articleId: story.id, actorId: desk.id });
    const theirs = listNotifications(colleague).items[0]!.id;

    expect(markNotificationsRead(writer, { ids: [theirs] })).toBe(1);
    expect(readAtOf(theirs)).toBeNull();
    expect(unreadCount(colleague)).toBe(1);
  });
});
