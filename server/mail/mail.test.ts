import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { publishDueArticles } from '@/server/articles/publish-scheduled';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, returnArticle, submitArticle } from '@/server/articles/review-steps';
import { scheduleArticle } from '@/server/articles/schedule-article';
import { addComment } from '@/server/comments/add-comment';
import { seedDemo } from '@/server/demo/seed-demo';
import { saveArticle } from '@/server/articles/save-article';
import { log } from '@/server/log/logger';
import { inviteUser } from '@/server/users/invite-user';
import { resetPassword } from '@/server/users/reset-password';
import { setUserDisabled } from '@/server/users/update-user-access';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { refusingAddress, startMailServer, startSilentServer, type TestMailServer } from '@/tests/mail-server';
import { gatherDueDigests } from './gather-digests';
import { listMailPreferences, saveMailPreferences } from './mail-preferences';
import { type MailServer, mailRetryDelayMs, sendDueMail } from './send-queued-mail';

// Mail is on for this file: what is queued is decided by SMTP_URL being set; where it goes is
// each test's own server.
vi.hoisted(() => {
  process.env.SMTP_URL = 'smtp://127.0.0.1:9';
  process.env.MAIL_FROM = 'desk@newsroom.example';
  process.env.MAIL_DIGEST_HOUR = '7';
  process.env.NEWSROOM_TIMEZONE = 'Europe/London';
});

const SITE = 'http://localhost:3000';
const T0 = new Date('2026-08-03T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const serverAt = (url: string, timeoutMs = 2_000): MailServer => ({ smtpUrl: url, from: 'desk@newsroom.example', siteUrl: SITE, timeoutMs });

let smtp: TestMailServer;
let writer: SessionUser;
let desk: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  smtp = await startMailServer();
  writer = await makeUser('editor', 'Wendy Writer');
  desk = await makeUser('copy_editor', 'Cora Desk');
  admin = await makeUser('admin', 'Ada Admin');
});
afterAll(() => smtp.close());

const queuedFor = (user: SessionUser) => getDb().select().from(mailOutbox).where(eq(mailOutbox.recipientId, user.id)).all();
const receivedBy = (user: SessionUser) => smtp.received.filter((mail) => mail.envelopeTo.includes(user.email));
/** Sends everything due at `when` to the test server. */
const sendAll = (when: Date, server = serverAt(smtp.url)) => sendDueMail(() => when, server);

/** A story in review whose body has a sentence to comment on. */
function storyInReview(headline: string, author = writer) {
  const story = writtenStory(author, headline, at(0), 'Fares start at 2 pounds.');
  return { id: story.id, version: submitArticle(author, story.id, { version: story.version }, at(1)).version };
}

describe('a mention by email', () => {
  it('reaches the person with text and HTML parts, a fixed subject and a link to the comment', async () => {
    const mentioned = await makeUser('editor', 'Mina Mention');
    const story = storyInReview('Tram fares set');
    const threads = addComment(desk, story.id, { body: '@Mina Mention are fares <b>really</b> 2 pounds?' }, at(2));
    const commentId = threads.at(-1)!.id;

    expect(queuedFor(mentioned)).toMatchObject([{ kind: 'mentioned', status: 'queued', attempts: 0 }]);
    const run = await sendAll(at(3));
    expect(run.sent).toHaveLength(run.sent.length);
    const [mail] = receivedBy(mentioned);
    expect(mail?.parsed.subject).toBe('You were mentioned in a comment');
    expect(mail?.parsed.from?.value).toEqual([{ address: 'desk@newsroom.example', name: '' }]);
    const link = `${SITE}/desk/articles/${story.id}?comment=${commentId}`;
    expect(mail?.parsed.text).toContain('Cora Desk mentioned you on “Tram fares set”');
    expect(mail?.parsed.text).toContain('> @Mina Mention are fares <b>really</b> 2 pounds?');
    expect(mail?.parsed.text).toContain(`Open the comment: ${link}`);
    // The HTML part shows the comment as text, never as markup.
    expect(mail?.parsed.html).toContain('are fares &lt;b&gt;really&lt;/b&gt; 2 pounds?');
    expect(mail?.parsed.html).toContain(`<a href="${link.replaceAll('&', '&amp;')}">Open the comment</a>`);
    expect(queuedFor(mentioned)).toMatchObject([{ status: 'sent', attempts: 1, lastError: null }]);

    // Sent once: another run finds nothing due.
    await sendAll(at(60));
    expect(receivedBy(mentioned)).toHaveLength(1);
  });

  it('puts nothing a person typed into a header, even a headline or a name built to inject one', async () => {
    const hostileName = 'Eve\r\nBcc: victim@evil.example';
    const hostile = await makeUser('editor', 'Hostile Writer');
    const mentioned = await makeUser('editor', 'Hal Header');
    const { id } = writtenStory(hostile, 'x', at(0), 'Body.');
    const headline = 'Subject: pwned\r\nBcc: leak@evil.example\r\n\r\n<script>alert(1)</script>';
    const saved = saveArticle(hostile, id, { ...storyFields(headline, 'Body.'), version: 2 }, at(1));
    submitArticle(hostile, id, { version: saved.version }, at(2));
    addComment(desk, id, { body: `@Hal Header ${hostileName}` }, at(3));
    await sendAll(at(4));

    const [mail] = receivedBy(mentioned);
    expect(mail).toBeDefined();
    const headerBlock = mail!.raw.slice(0, mail!.raw.search(/\r?\n\r?\n/));
    expect(headerBlock).not.toMatch(/evil\.example|pwned|script|Hostile|Eve/i);
    expect(mail!.envelopeTo).toEqual([mentioned.email]);
    expect([...mail!.parsed.headers.keys()].sort()).toEqual(
      ['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to'].sort(),
    );
    expect(mail!.parsed.subject).toBe('You were mentioned in a comment');
    expect(mail!.parsed.html).not.toContain('<script>');
    expect(mail!.parsed.html).toContain('&lt;script&gt;');
  });
});

describe('the workflow by email', () => {
  it('a return with its note, an approval, a publish and a correction reach the writer; a submission reaches the desk', async () => {
    const story = storyInReview('Bridge reopens');
    const submitted = (user: SessionUser) => queuedFor(user).filter((row) => row.kind === 'submitted' && row.content?.includes('Bridge reopens'));
    expect(submitted(desk)).toHaveLength(1);
    expect(submitted(admin)).toHaveLength(1);
    expect(submitted(writer)).toEqual([]);

    const returned = returnArticle(desk, story.id, { version: story.version, note: 'Add the council’s quote.' }, at(2));
    const again = submitArticle(writer, story.id, { version: returned.version }, at(3));
    const approved = approveArticle(desk, story.id, { version: again.version }, at(4));
    const published = publishArticle(desk, story.id, { version: approved.version }, at(5));
    const fixed = saveArticle(desk, story.id, { ...storyFields('Bridge reopens', 'Fares start at 3 pounds.'), version: published.version }, at(6));
    publishArticle(desk, story.id, { version: fixed.version, updateKind: 'correction', correction: 'Fares start at 3 pounds.' }, at(6));
    await sendAll(at(7));

    const mine = receivedBy(writer).filter((mail) => mail.parsed.text?.includes('Bridge reopens'));
    expect(mine.map((mail) => mail.parsed.subject)).toEqual([
      'A story was returned to you',
      'Your story was approved',
      'Your story was published',
      'Your story was published',
    ]);
    expect(mine[0]?.parsed.text).toContain('Cora Desk returned “Bridge reopens” to you');
    expect(mine[0]?.parsed.text).toContain('> Add the council’s quote.');
    expect(mine[0]?.parsed.text).toContain(`${SITE}/desk/articles/${story.id}`);
    expect(mine[3]?.parsed.text).toContain('“Bridge reopens” was corrected by Cora Desk');
    expect(receivedBy(desk).some((mail) => mail.parsed.subject === 'A story was submitted for review' && mail.parsed.text?.includes('Wendy Writer submitted “Bridge reopens” for review'))).toBe(true);
  });

  it('a scheduled story that cannot go out is mailed to whoever scheduled it and its writer, with the reason', async () => {
    const scheduler = await makeUser('editor', 'Sam Scheduler');
    const story = storyInReview('Night bus cuts');
    const approved = approveArticle(desk, story.id, { version: story.version }, at(2));
    scheduleArticle(scheduler, story.id, { version: approved.version, localTime: '2026-08-03T10:00', timeZone: 'UTC' }, at(3));
    setUserDisabled(admin, scheduler.id, true);
    publishDueArticles(new Date('2026-08-03T10:00:30Z'));
    await sendAll(new Date('2026-08-03T10:00:31Z'));
    for (const person of [scheduler, writer]) {
      const mail = receivedBy(person).find((received) => received.parsed.subject === 'A scheduled story was not published');
      expect(mail?.parsed.text).toContain('“Night bus cuts” was not published at its scheduled time');
      expect(mail?.parsed.text).toContain('> The person who scheduled it no longer has an active account.');
    }
  });
});

describe('invitations and password links by email', () => {
  it('an invitation is mailed to the new person with its working link, and the queue keeps no copy once sent', async () => {
    const email = `invited-${Date.now()}@newsroom.example`;
    const { user, link } = await inviteUser(admin, { name: 'Ivy Invited', email, role: 'editor' }, at(0));
    expect(link.mailed).toBe(true);
    await sendAll(at(1));
    const mail = smtp.received.find((received) => received.envelopeTo.includes(email));
    expect(mail?.parsed.subject).toBe('You are invited to the newsroom');
    expect(mail?.parsed.text).toContain('Ada Admin has invited you');
    expect(mail?.parsed.text).toContain(`Set your password and sign in: ${SITE}/invite/${link.token}`);
    expect(mail?.parsed.html).toContain(`href="${SITE}/invite/${link.token}"`);
    // No account yet to choose preferences on: no footer pointing there.
    expect(mail?.parsed.text).not.toContain('/account');
    expect(queuedFor(user)).toMatchObject([{ kind: 'invite', status: 'sent', content: null }]);

    const reset = await resetPassword(admin, writer.id, at(2));
    await sendAll(at(3));
    const resetMail = receivedBy(writer).find((received) => received.parsed.subject === 'Set a new password');
    expect(resetMail?.parsed.text).toContain(`${SITE}/invite/${reset.token}`);
  });
});

describe('a mail server that is down or hangs', () => {
  it('a refused connection leaves the message queued, retried with growing waits, and it goes once the server is back', async () => {
    const person = await makeUser('editor', 'Rita Retry');
    const story = storyInReview('Harbour dredging');
    addComment(desk, story.id, { body: '@Rita Retry check the depth?' }, at(2));
    const down = serverAt(await refusingAddress());

    const first = await sendAll(at(3), down);
    const [row] = queuedFor(person);
    expect(first.retrying).toContain(row!.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    expect(row!.nextAttemptAt).toEqual(new Date(at(3).getTime() + mailRetryDelayMs(1)));

    // Not due again before its wait is over, then waits twice as long.
    expect((await sendAll(at(20), down)).retrying).not.toContain(row!.id);
    await sendAll(at(34), down);
    expect(queuedFor(person)[0]).toMatchObject({ attempts: 2, nextAttemptAt: new Date(at(34).getTime() + 60_000) });
    expect([1, 2, 3, 4, 8, 20].map(mailRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);

    await sendAll(at(100));
    expect(receivedBy(person)).toHaveLength(1);
    expect(queuedFor(person)[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('a server that accepts the connection and never answers fails the attempt by its timeout, logged, and it is retried', async () => {
    const person = await makeUser('editor', 'Hank Hang');
    const story = storyInReview('Ferry strike');
    addComment(desk, story.id, { body: '@Hank Hang is the strike on?' }, at(2));
    const silent = await startSilentServer();
    const warn = vi.spyOn(log, 'warn');
    try {
      const started = Date.now();
      const run = await sendAll(at(3), serverAt(silent.url, 300));
      expect(Date.now() - started).toBeLessThan(5_000);
      const [row] = queuedFor(person);
      expect(run.retrying).toContain(row!.id);
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row!.lastError).toMatch(/^(Timeout|Greeting never received)$/);
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ mailId: row!.id, attempts: 1 }), 'mail: sending failed; it is tried again later');
    } finally {
      warn.mockRestore();
      await silent.close();
    }
    await sendAll(at(40));
    expect(receivedBy(person)).toHaveLength(1);
  });

  it('a restart loses nothing: a message claimed by a process that died is sent once its claim lapses, and only once', async () => {
    const person = await makeUser('editor', 'Rory Restart');
    const story = storyInReview('Power cut');
    addComment(desk, story.id, { body: '@Rory Restart how long was it out?' }, at(2));
    const [row] = queuedFor(person);
    // A process claimed it and died before it could say how the send went.
    getDb().update(mailOutbox).set({ attempts: 1, nextAttemptAt: at(3 + 300) }).where(eq(mailOutbox.id, row!.id)).run();
    await sendAll(at(60));
    expect(receivedBy(person)).toHaveLength(0);

    // Two runs at once (two processes after the restart) send it once.
    await Promise.all([sendAll(at(400)), sendDueMail(() => at(400), serverAt(smtp.url))]);
    expect(receivedBy(person)).toHaveLength(1);
    expect(queuedFor(person)[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up after the last attempt, saying so in the queue', async () => {
    const person = await makeUser('editor', 'Gil Giveup');
    const story = storyInReview('Snow day');
    addComment(desk, story.id, { body: '@Gil Giveup schools shut?' }, at(2));
    const [row] = queuedFor(person);
    getDb().update(mailOutbox).set({ attempts: 9 }).where(eq(mailOutbox.id, row!.id)).run();
    const run = await sendAll(at(3), serverAt(await refusingAddress()));
    expect(run.failed).toContain(row!.id);
    expect(queuedFor(person)[0]).toMatchObject({ status: 'failed', attempts: 10 });
    await sendAll(at(100_000));
    expect(receivedBy(person)).toHaveLength(0);
  });
});

describe('each person’s choices', () => {
  it('start at once for every kind, are saved for the person, and refuse a value that is not a choice', async () => {
    const person = await makeUser('editor', 'Pia Prefs');
    expect(listMailPreferences(person)).toEqual({
      mentioned: 'immediate',
      returned: 'immediate',
      submitted: 'immediate',
      approved: 'immediate',
      published: 'immediate',
      schedule_failed: 'immediate',
    });
    const choices = { ...listMailPreferences(person), mentioned: 'daily', published: 'off' };
    saveMailPreferences(person, choices);
    expect(listMailPreferences(person)).toEqual(choices);
    expect(auditEntries({ action: 'user.mail_preferences' }).at(-1)).toMatchObject({ actorId: person.id, targetId: String(person.id) });
    expect(() => saveMailPreferences(person, { ...choices, mentioned: 'hourly' })).toThrow('Some fields need attention.');
    expect(() => saveMailPreferences(person, { ...choices, sneaky: 'off' })).toThrow('Unknown field: sneaky');
  });

  it('off sends nothing; daily waits for the digest hour and sends one digest of everything', async () => {
    const person = await makeUser('editor', 'Dora Digest');
    saveMailPreferences(person, { ...listMailPreferences(person), mentioned: 'daily', returned: 'off' });
    const first = storyInReview('Library hours', person);
    const second = storyInReview('Pool closes', person);
    addComment(desk, first.id, { body: '@Dora Digest opening at nine?' }, at(2));
    addComment(desk, second.id, { body: '@Dora Digest until when?' }, at(3));
    returnArticle(desk, first.id, { version: first.version, note: 'Needs a source.' }, at(4));

    // London is on summer time: 07:00 there is 06:00 UTC, and 08:00 UTC has passed it, so tomorrow.
    const digestAt = new Date('2026-08-04T06:00:00Z');
    expect(queuedFor(person).map((row) => [row.kind, row.status, row.nextAttemptAt])).toEqual([
      ['mentioned', 'daily', digestAt],
      ['mentioned', 'daily', digestAt],
    ]);
    await sendAll(at(60));
    expect(receivedBy(person)).toHaveLength(0);
    expect(gatherDueDigests(new Date(digestAt.getTime() - 1))).toEqual([]);

    const [digestId] = gatherDueDigests(digestAt);
    await sendAll(digestAt);
    const [mail] = receivedBy(person);
    expect(receivedBy(person)).toHaveLength(1);
    expect(mail?.parsed.subject).toBe('Your daily summary');
    expect(mail?.parsed.text).toContain('2 things happened on the desk for you:');
    expect(mail?.parsed.text).toContain('Cora Desk mentioned you on “Library hours”');
    expect(mail?.parsed.text).toContain('Cora Desk mentioned you on “Pool closes”');
    expect(mail?.parsed.text).toContain(`${SITE}/account`);
    expect(queuedFor(person).map((row) => [row.kind, row.status])).toEqual([
      ['mentioned', 'batched'],
      ['mentioned', 'batched'],
      ['digest', 'sent'],
    ]);
    expect(queuedFor(person).slice(0, 2).every((row) => row.digestId === digestId)).toBe(true);
  });
});

describe('the demo newsroom', () => {
  it('is seeded without mailing anyone about its invented history', async () => {
    await seedDemo(at(0));
    expect(getDb().select().from(mailOutbox).where(inArray(mailOutbox.status, ['queued', 'daily'])).all()).toEqual([]);
  }, 60_000);
});
