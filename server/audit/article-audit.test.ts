import { beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEntry } from '@/lib/article-audit';
import type { SessionUser } from '@/lib/session-user';
import { returnArticle, submitArticle } from '@/server/articles/review-steps';
import { claimReview } from '@/server/review/claim-review';
import { restoreRevision } from '@/server/revisions/restore-revision';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser, writtenStory } from '@/tests/factories';
import { listArticleAudit } from './article-audit';

const T0 = new Date('2026-09-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  desk = await makeUser('copy_editor', 'Cora Copy');
});

describe('an article’s audit trail', () => {
  it('tells the story’s life oldest first: who did what, with the notes, and nothing of other articles', () => {
    const story = writtenStory(writer, 'Audited story', at(0));
    writtenStory(writer, 'Unrelated story', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version, note: 'Ready' }, at(1));
    claimReview(desk, story.id, { claim: true, expectedClaimantId: null }, at(2));
    const returned = returnArticle(desk, story.id, { version: submitted.version, note: 'Too long.' }, at(3));
    restoreRevision(writer, story.id, 1, { version: returned.version, fields: ['headline'] }, at(4));

    const { entries, truncated } = listArticleAudit(writer, story.id);
    expect(truncated).toBe(false);
    expect(entries.map((entry) => [entry.actorName, ...Object.values(describeAuditEntry(entry.action, entry.details))])).toEqual([
      ['Wendy Writer', 'Started the story', null],
      ['Wendy Writer', 'Saved (revision 2)', null],
      ['Wendy Writer', 'Submitted for review (revision 3)', 'Ready'],
      ['Cora Copy', 'Claimed for review', null],
      ['Cora Copy', 'Returned to the writer (revision 4)', 'Too long.'],
      ['Wendy Writer', 'Restored revision 1 (revision 5)', 'Parts: headline'],
    ]);
  });

  it('is shown to whoever may see the article, and to no one else', () => {
    const draft = writtenStory(writer, 'Private draft', at(0));
    expect(listArticleAudit(desk, draft.id).entries.length).toBeGreaterThan(0);
    expect(appErrorFrom(() => listArticleAudit(otherWriter, draft.id)).code).toBe('NOT_FOUND');
  });
});

describe('describeAuditEntry', () => {
  it('names publishes by kind and schedule, address changes by both addresses, and unknown actions by their code', () => {
    expect(describeAuditEntry('article.publish', { kind: 'correction', revision: 9, via: 'desk', note: 'Wrong date' })).toEqual({
      what: 'Published: Correction (revision 9)',
      detail: 'Wrong date',
    });
    expect(describeAuditEntry('article.publish', { kind: 'publish', revision: 4, via: 'schedule' }).what).toBe('Published on schedule (revision 4)');
    expect(describeAuditEntry('article.slug', { from: 'old', to: 'new' }).detail).toBe('/news/old → /news/new');
    expect(describeAuditEntry('article.lock.take_over', { from: { id: 3, name: 'Nadia' } }).what).toBe('Took over editing from Nadia');
    expect(describeAuditEntry('article.something_new', null)).toEqual({ what: 'article.something_new', detail: null });
  });
});
