import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { articleRow } from '@/tests/article-rows';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { resolvePublicAddress } from '@/server/public/queries';
import { startScheduler, stopScheduler } from '@/server/scheduler';
import { setUserDisabled } from '@/server/users/update-user-access';
import { publishDueArticles } from './publish-scheduled';
import { getArticle } from './queries';
import { approveArticle, submitArticle } from './review-steps';
import { saveArticle } from './save-article';
import { scheduleArticle, unscheduleArticle } from './schedule-article';

const NOW = new Date('2026-06-01T08:00:00Z');
const minutes = (n: number, from = NOW) => new Date(from.getTime() + n * 60_000);

let writer: SessionUser;
let copyEditor: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Sam Writer');
  copyEditor = await makeUser('copy_editor', 'Cleo Desk');
  admin = await makeUser('admin', 'Ada Admin');
});

afterEach(() => {
  stopScheduler();
  vi.useRealTimers();
});

function approvedStory(headline: string) {
  const story = writtenStory(writer, headline, minutes(-30));
  const submitted = submitArticle(writer, story.id, { version: story.version }, minutes(-20));
  return approveArticle(copyEditor, story.id, { version: submitted.version }, minutes(-10));
}

describe('scheduling', () => {
  it('holds an approved story until a wall-clock time in the zone the desk chose, with its address ready', () => {
    const story = approvedStory('Budget published at noon');
    // 09:00 in London in June is 08:00 UTC (BST); an hour after NOW.
    const scheduled = scheduleArticle(writer, story.id, { version: story.version, localTime: '2026-06-01T10:00', timeZone: 'Europe/London' }, NOW);
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: '2026-06-01T09:00:00.000Z', scheduledByName: 'Sam Writer', slug: 'budget-published-at-noon', live: false });
    expect(resolvePublicAddress('budget-published-at-noon')).toEqual({ kind: 'unknown' });
    expect(publishDueArticles(minutes(59))).toEqual({ published: [], failed: [] });
    expect(publishDueArticles(minutes(60))).toEqual({ published: [story.id], failed: [] });
    expect(getArticle(copyEditor, story.id)).toMatchObject({ status: 'published', live: true, firstPublishedAt: minutes(60).toISOString(), scheduledFor: null });
    expect(auditEntries({ action: 'article.publish', targetId: story.id })[0]).toMatchObject({ actorId: writer.id, details: expect.objectContaining({ via: 'schedule' }) });
  });

  it('refuses a time in the past, an unknown zone and a time the clocks skip, naming the field', () => {
    const story = approvedStory('Refused times');
    const past = appErrorFrom(() => scheduleArticle(writer, story.id, { version: story.version, localTime: '2026-06-01T07:59', timeZone: 'UTC' }, NOW));
    expect([past.code, past.details.fields]).toEqual(['INVALID', { localTime: ['Choose a time in the future.'] }]);
    const zone = appErrorFrom(() => scheduleArticle(writer, story.id, { version: story.version, localTime: '2026-06-02T09:00', timeZone: 'Mars/Olympus' }, NOW));
    expect(Object.keys(zone.details.fields ?? {})).toEqual(['timeZone']);
    const gap = appErrorFrom(() =>
      scheduleArticle(writer, story.id, { version: story.version, localTime: '2027-03-28T01:30', timeZone: 'Europe/London' }, NOW),
    );
    expect(gap.details.fields?.localTime?.[0]).toMatch(/does not exist in Europe\/London/);
    expect(articleRow(story.id)).toMatchObject({ status: 'approved', scheduledFor: null });
  });

  it('is only for stories never published, and only once at a time', () => {
    const story = approvedStory('Once only');
    const scheduled = scheduleArticle(writer, story.id, { version: story.version, localTime: '2026-06-01T12:00', timeZone: 'UTC' }, NOW);
    const twice = appErrorFrom(() => scheduleArticle(writer, story.id, { version: scheduled.version, localTime: '2026-06-01T13:00', timeZone: 'UTC' }, NOW));
    expect(twice.message).toBe('This article is already scheduled; unschedule it to choose another time.');
    const unscheduled = unscheduleArticle(writer, story.id, { version: scheduled.version }, NOW);
    expect(unscheduled).toMatchObject({ status: 'approved', scheduledFor: null });
    expect(publishDueArticles(minutes(24 * 60))).toEqual({ published: [], failed: [] });
  });

  it('when the time comes and the story can no longer go out, sends it back to Approved and says why, on the desk and in the audit log', () => {
    const story = approvedStory('Will not go');
    const scheduled = scheduleArticle(copyEditor, story.id, { version: story.version, localTime: '2026-06-01T09:00', timeZone: 'UTC' }, NOW);
    // The copy desk empties the headline after scheduling: the publish checks run again at the time.
    saveArticle(copyEditor, story.id, { ...storyFields(''), version: scheduled.version }, minutes(5));
    expect(publishDueArticles(minutes(61))).toEqual({ published: [], failed: [{ id: story.id, reason: 'This article cannot be published until these are fixed.' }] });
    const failed = getArticle(copyEditor, story.id);
    expect(failed).toMatchObject({ status: 'approved', live: false, scheduleFailure: 'This article cannot be published until these are fixed.' });
    expect(auditEntries({ action: 'article.schedule.failed', targetId: story.id })).toEqual([
      expect.objectContaining({ actorId: null, details: { reason: 'This article cannot be published until these are fixed.', at: minutes(61).toISOString() } }),
    ]);
    // Reported once, not at every run after.
    expect(publishDueArticles(minutes(62)).failed).toEqual([]);
  });

  it('does not publish in the name of someone whose account was disabled since', async () => {
    const scheduler = await makeUser('copy_editor', 'Gone Person');
    const story = approvedStory('Orphaned embargo');
    scheduleArticle(scheduler, story.id, { version: story.version, localTime: '2026-06-01T09:00', timeZone: 'UTC' }, NOW);
    setUserDisabled(admin, scheduler.id, true);
    expect(publishDueArticles(minutes(61)).failed).toEqual([{ id: story.id, reason: 'The person who scheduled it no longer has an active account.' }]);
    expect(articleRow(story.id)?.liveRevisionId).toBeNull();
  });

  it('publishes within the scheduler’s interval, and after a restart that spanned the due time', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const onTime = approvedStory('On time');
    scheduleArticle(writer, onTime.id, { version: onTime.version, localTime: '2026-06-01T08:01', timeZone: 'UTC' }, new Date());
    startScheduler();
    vi.advanceTimersByTime(50_000);
    expect(articleRow(onTime.id)?.status).toBe('scheduled');
    vi.advanceTimersByTime(20_000);
    expect(articleRow(onTime.id)).toMatchObject({ status: 'published', firstPublishedAt: new Date('2026-06-01T08:01:00Z') });

    const overnight = approvedStory('Due while the server was down');
    scheduleArticle(writer, overnight.id, { version: overnight.version, localTime: '2026-06-01T09:00', timeZone: 'UTC' }, new Date());
    stopScheduler();
    vi.setSystemTime(new Date('2026-06-01T11:30:00Z'));
    expect(articleRow(overnight.id)?.status).toBe('scheduled');
    startScheduler();
    expect(articleRow(overnight.id)).toMatchObject({ status: 'published', firstPublishedAt: new Date('2026-06-01T11:30:00Z') });
  });
});
