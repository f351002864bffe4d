import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { commentMentions, comments, notifications } from '@/db/schema';
import type { CommentThread } from '@/lib/comment-view';
import { quoteAround } from '@/lib/comments/text-anchor';
import type { SessionUser } from '@/lib/session-user';
import { AddCommentInput, SetCommentResolvedInput } from '@/lib/validation/comment';
import { parseInput } from '@/lib/validation/parse-input';
import { submitArticle } from '@/server/articles/review-steps';
import { saveArticle } from '@/server/articles/save-article';
import { setUserDisabled } from '@/server/users/update-user-access';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { addComment } from './add-comment';
import { listComments } from './list-comments';
import { setCommentResolved } from './set-comment-resolved';

const T0 = new Date('2026-05-04T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;
let tomas: SessionUser;
let admin: SessionUser;
let departed: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Desk');
  tomas = await makeUser('copy_editor', 'Tomás Ruiz');
  admin = await makeUser('admin', 'Ada Admin');
  departed = await makeUser('copy_editor', 'Dora Gone');
  setUserDisabled(admin, departed.id, true);
});

/** As the route does it: the raw JSON through the schema, then the domain. */
const post = (user: SessionUser, articleId: number, raw: unknown, now = new Date()) =>
  addComment(user, articleId, parseInput(AddCommentInput, raw), now);
const resolve = (user: SessionUser, articleId: number, commentId: number, resolved: boolean, now = new Date()) =>
  setCommentResolved(user, articleId, commentId, parseInput(SetCommentResolvedInput, { resolved }), now);

const commentRows = (articleId: number) => getDb().select().from(comments).where(eq(comments.articleId, articleId)).all();
const mentionNotices = (commentId: number) =>
  getDb()
    .select({ recipientId: notifications.recipientId, kind: notifications.kind, actorId: notifications.actorId, articleId: notifications.articleId })
    .from(notifications)
    .where(eq(notifications.commentId, commentId))
    .all();
const newest = (threads: CommentThread[]) => threads.flatMap((thread) => [thread, ...thread.replies]).sort((a, b) => b.id - a.id)[0]!;

describe('comment threads', () => {
  it('take a comment, replies (a reply to a reply joins the thread), resolve and reopen, each audited', () => {
    const story = writtenStory(writer, 'Harbour reopens', at(0));
    const [thread] = post(writer, story.id, { body: '  Is the date right?  ' }, at(1));
    expect(thread).toMatchObject({ authorName: 'Wendy Writer', body: 'Is the date right?', createdAt: at(1).toISOString(), anchor: null, resolved: null, replies: [] });

    const reply = newest(post(copyEditor, story.id, { body: 'Checked: it is.', parentId: thread!.id }, at(2)));
    const threads = post(writer, story.id, { body: 'Thanks.', parentId: reply.id }, at(3));
    expect(threads).toHaveLength(1);
    expect(threads[0]!.replies.map((r) => [r.authorName, r.body])).toEqual([
      ['Cora Desk', 'Checked: it is.'],
      ['Wendy Writer', 'Thanks.'],
    ]);
    expect(commentRows(story.id).filter((row) => row.parentId !== null).every((row) => row.parentId === thread!.id)).toBe(true);

    // A reply's id stands for its thread.
    const resolved = resolve(copyEditor, story.id, reply.id, true, at(4));
    expect(resolved[0]!.resolved).toEqual({ byName: 'Cora Desk', at: at(4).toISOString() });
    expect(resolve(writer, story.id, thread!.id, true, at(5))[0]!.resolved?.at).toBe(at(4).toISOString());

    const closed = appErrorFrom(() => post(writer, story.id, { body: 'One more thing', parentId: thread!.id }));
    expect([closed.code, closed.message]).toEqual(['CONFLICT', 'This thread has been resolved; reopen it to reply.']);

    expect(resolve(writer, story.id, thread!.id, false, at(6))[0]!.resolved).toBeNull();
    expect(post(writer, story.id, { body: 'One more thing', parentId: thread!.id }, at(7))[0]!.replies).toHaveLength(3);

    const commentIds = new Set(commentRows(story.id).map((row) => String(row.id)));
    const audit = auditEntries({ targetType: 'comment' }).filter((entry) => commentIds.has(entry.targetId!));
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.targetId === String(thread!.id)])).toEqual([
      ['comment.add', writer.id, true],
      ['comment.add', copyEditor.id, false],
      ['comment.add', writer.id, false],
      ['comment.resolve', copyEditor.id, true],
      ['comment.reopen', writer.id, true],
      ['comment.add', writer.id, false],
    ]);
    expect(audit[2]!.details).toEqual({ articleId: story.id, threadId: thread!.id, mentioned: [] });
  });

  it('list open threads first, then resolved ones, each oldest first', () => {
    const story = writtenStory(writer, 'Tram line opens', at(0));
    const first = newest(post(writer, story.id, { body: 'First' }, at(1)));
    post(writer, story.id, { body: 'Second' }, at(2));
    post(writer, story.id, { body: 'Third' }, at(3));
    resolve(copyEditor, story.id, first.id, true, at(4));
    expect(listComments(copyEditor, story.id).map((thread) => thread.body)).toEqual(['Second', 'Third', 'First']);
    resolve(copyEditor, story.id, first.id, false, at(5));
    expect(listComments(writer, story.id).map((thread) => thread.body)).toEqual(['First', 'Second', 'Third']);
  });

  it('refuse a reply to a comment on another story, and a resolve of one, storing nothing', () => {
    const story = writtenStory(writer, 'Bridge closes', at(0));
    const elsewhere = writtenStory(writer, 'Bridge reopens', at(0));
    const theirs = newest(post(writer, elsewhere.id, { body: 'Over here' }));
    const reply = appErrorFrom(() => post(writer, story.id, { body: 'Reply', parentId: theirs.id }));
    expect([reply.status, reply.message]).toEqual([404, 'The comment you are replying to is not on this story.']);
    expect(appErrorFrom(() => post(writer, story.id, { body: 'Reply', parentId: 999_999 })).status).toBe(404);
    expect(appErrorFrom(() => resolve(writer, story.id, theirs.id, true)).status).toBe(404);
    expect(commentRows(story.id)).toEqual([]);
    expect(listComments(writer, elsewhere.id)[0]!.resolved).toBeNull();
  });

  it('keep a comment as typed: hostile HTML is stored and listed as the text it is', () => {
    const story = writtenStory(writer, 'Market hall', at(0));
    const body = '<img src=x onerror="alert(1)"> and <script>alert(2)</script>\nsecond line';
    expect(post(writer, story.id, { body })[0]!.body).toBe(body);
    expect(commentRows(story.id)[0]!.body).toBe(body);
  });

  it('refuse an empty or a huge comment on the body field, storing nothing', () => {
    const story = writtenStory(writer, 'Dock strike', at(0));
    const huge = appErrorFrom(() => post(writer, story.id, { body: 'x'.repeat(5001) }));
    expect(huge.status).toBe(400);
    expect(huge.details.fields).toEqual({ body: ['A comment can be at most 5,000 characters; this one has 5,001.'] });
    expect(appErrorFrom(() => post(writer, story.id, { body: ' \n ' })).details.fields).toEqual({ body: ['Write a comment.'] });
    expect(post(writer, story.id, { body: ` ${'x'.repeat(5000)} ` })[0]!.body).toHaveLength(5000);
    expect(commentRows(story.id)).toHaveLength(1);
  });

  it('let only those who may read the story comment on it', () => {
    const draft = writtenStory(writer, 'Not yours yet', at(0));
    const refused = appErrorFrom(() => post(otherWriter, draft.id, { body: 'Nice' }));
    expect([refused.status, refused.code]).toEqual([404, 'NOT_FOUND']);
    expect(appErrorFrom(() => listComments(otherWriter, draft.id)).status).toBe(404);
    expect(commentRows(draft.id)).toEqual([]);

    // Once submitted, the rest of the desk may read it, and so comment.
    submitArticle(writer, draft.id, { version: draft.version });
    expect(post(otherWriter, draft.id, { body: 'Nice' })).toHaveLength(1);
  });
});

describe('comments on a passage', () => {
  const body = 'The council met on Monday.\nIt voted 31 to 12 for the bridge.\nWork starts in May.';
  const passage = (text: string, quote: string) => quoteAround(text, text.indexOf(quote), text.indexOf(quote) + quote.length);

  it('follow the passage through edits, and say when it is gone', () => {
    const story = writtenStory(writer, 'Council backs bridge', at(0), body);
    const [thread] = post(copyEditor, story.id, { body: 'Source for the count?', anchor: passage(body, '31 to 12') }, at(1));
    expect(thread!.anchor).toEqual({ quote: '31 to 12', state: 'found' });
    expect(commentRows(story.id)[0]).toMatchObject({ quote: '31 to 12', quotePrefix: 'council met on Monday.\nIt voted ', quoteSuffix: ' for the bridge.\nWork starts in ' });

    const moved = saveArticle(writer, story.id, { ...storyFields('Council backs bridge', `LEEDS - A new lead.\nAnother paragraph.\n${body}`), version: story.version }, at(2));
    expect(listComments(writer, story.id)[0]!.anchor).toEqual({ quote: '31 to 12', state: 'found' });

    saveArticle(writer, story.id, { ...storyFields('Council backs bridge', 'The council met on Monday.\nWork starts in May.'), version: moved.version }, at(3));
    expect(listComments(writer, story.id)[0]!.anchor).toEqual({ quote: '31 to 12', state: 'deleted' });
  });

  it('refuse a passage that is not in the working copy, storing nothing', () => {
    const story = writtenStory(writer, 'Ferry fares rise', at(0), body);
    const refusal = appErrorFrom(() => post(copyEditor, story.id, { body: 'Hm', anchor: { quote: '30 to 13', prefix: '', suffix: '' } }));
    expect([refusal.status, refusal.message]).toEqual([400, 'That passage is no longer in the story; select it again.']);
    expect(refusal.details.fields).toEqual({ anchor: ['That passage is no longer in the story; select it again.'] });
    expect(commentRows(story.id)).toEqual([]);
  });

  it('take a passage only on a new thread, of at most 1,000 characters', () => {
    const story = writtenStory(writer, 'Budget passes', at(0), body);
    const thread = newest(post(copyEditor, story.id, { body: 'Thread' }));
    const onReply = appErrorFrom(() => post(copyEditor, story.id, { body: 'Reply', parentId: thread.id, anchor: passage(body, 'Monday') }));
    expect(Object.keys(onReply.details.fields ?? {})).toEqual(['anchor']);
    const long = appErrorFrom(() => post(copyEditor, story.id, { body: 'Long', anchor: { quote: 'q'.repeat(1001) } }));
    expect(long.details.fields?.anchor).toEqual(['Select at most 1,000 characters to comment on.']);
    expect(commentRows(story.id)).toHaveLength(1);
  });
});

describe('mentions', () => {
  it('notify each person named, in the comment’s own transaction, and list them with the comment', () => {
    const story = writtenStory(writer, 'Storm warning', at(0));
    const threads = post(writer, story.id, { body: '@cora desk and @Tomás Ruiz, please check. (Note to self, @Wendy Writer.) cc @Cora Desk' });
    const comment = newest(threads);
    expect(comment.mentions).toEqual([
      { userId: copyEditor.id, name: 'Cora Desk' },
      { userId: tomas.id, name: 'Tomás Ruiz' },
      { userId: writer.id, name: 'Wendy Writer' },
    ]);
    // The writer is not told of their own mention.
    expect(mentionNotices(comment.id).sort((a, b) => a.recipientId - b.recipientId)).toEqual(
      [copyEditor.id, tomas.id].sort((a, b) => a - b).map((recipientId) => ({ recipientId, kind: 'mentioned', actorId: writer.id, articleId: story.id })),
    );
    expect(auditEntries({ action: 'comment.add', targetId: comment.id })[0]!.details?.mentioned).toEqual(
      expect.arrayContaining([copyEditor.id, tomas.id, writer.id]),
    );
  });

  it('do not take an email address for a mention', () => {
    const story = writtenStory(writer, 'Email tips', at(0));
    const comment = newest(post(writer, story.id, { body: 'Send tips to desk@example.com' }));
    expect(comment.mentions).toEqual([]);
  });

  it('refuse a name nobody has, a disabled account, and someone who may not see the story, storing and telling nothing', () => {
    const draft = writtenStory(writer, 'Quiet draft', at(0));
    const unknown = appErrorFrom(() => post(writer, draft.id, { body: 'Ask @Cora about it' }));
    expect([unknown.status, unknown.details.fields]).toEqual([400, { body: ['No one on the desk is called @Cora. Mention people by their full name.'] }]);
    expect(appErrorFrom(() => post(writer, draft.id, { body: '@Tomas Ruiz?' })).message).toBe(
      'No one on the desk is called @Tomas. Mention people by their full name.',
    );

    const disabled = appErrorFrom(() => post(writer, draft.id, { body: '@Dora Gone would know' }));
    expect(disabled.details.fields).toEqual({ body: ['Dora Gone’s account is disabled; they would not see this.'] });

    // An editor may not read another writer's draft, so would never see the comment.
    const unseen = appErrorFrom(() => post(writer, draft.id, { body: '@Oscar Other, and @Cora Desk' }));
    expect(unseen.details.fields).toEqual({ body: ['Oscar Other cannot see this story yet, so they would not see the comment.'] });
    expect(commentRows(draft.id)).toEqual([]);
    expect(getDb().select().from(notifications).where(eq(notifications.articleId, draft.id)).all()).toEqual([]);

    const submitted = submitArticle(writer, draft.id, { version: draft.version });
    expect(submitted.status).toBe('in_review');
    const comment = newest(post(writer, draft.id, { body: '@Oscar Other, over to you' }));
    expect(comment.mentions).toEqual([{ userId: otherWriter.id, name: 'Oscar Other' }]);
    expect(getDb().select().from(commentMentions).where(eq(commentMentions.commentId, comment.id)).all()).toEqual([
      { commentId: comment.id, userId: otherWriter.id },
    ]);
  });
});
