import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { submitArticle } from '@/server/articles/review-steps';
import { addComment } from '@/server/comments/add-comment';
import { inviteUser } from '@/server/users/invite-user';
import { makeUser, writtenStory } from '@/tests/factories';
import { mailIsOn } from './queue-mail';
import { sendDueMail } from './send-queued-mail';

// No SMTP_URL here (tests/temp-database.ts sets none): Dateline works as it did before it mailed.
let admin: SessionUser;
beforeAll(async () => {
  admin = await makeUser('admin', 'Ada Admin');
});

describe('without SMTP_URL', () => {
  it('mail is off: nothing is queued, an invitation says it was not mailed, and a sending run does nothing', async () => {
    expect(mailIsOn()).toBe(false);
    const { link } = await inviteUser(admin, { name: 'Ivy Invited', email: 'ivy@newsroom.example', role: 'editor' });
    expect(link.mailed).toBe(false);
    const writer = await makeUser('editor', 'Wendy Writer');
    const story = writtenStory(writer, 'Quiet day');
    submitArticle(writer, story.id, { version: story.version });
    addComment(admin, story.id, { body: '@Wendy Writer anything?' });
    expect(getDb().select().from(mailOutbox).all()).toEqual([]);
    expect(await sendDueMail()).toEqual({ sent: [], retrying: [], failed: [] });
  });
});
