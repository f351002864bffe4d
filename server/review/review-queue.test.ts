import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { approveArticle, returnArticle, submitArticle } from '@/server/articles/review-steps';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, writtenStory } from '@/tests/factories';
import { claimReview } from './claim-review';
import { listReviewQueue } from './review-queue';

const T0 = new Date('2026-06-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let deskA: SessionUser;
let deskB: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  deskA = await makeUser('copy_editor', 'Cora Copy');
  deskB = await makeUser('copy_editor', 'Dan Desk');
});

function submitted(headline: string, minute: number, body?: string) {
  const story = writtenStory(writer, headline, at(minute), body);
  return submitArticle(writer, story.id, { version: story.version }, at(minute + 1));
}

const queueOf = (user: SessionUser, ids: number[]) => listReviewQueue(user).filter((item) => ids.includes(item.id));

describe('the review queue', () => {
  it('lists stories in review oldest submission first, with writer, words and submission time', () => {
    const later = submitted('Later story', 30, 'Two words.');
    const earlier = submitted('Earlier story', 10, 'Three words here.');
    expect(queueOf(deskA, [later.id, earlier.id])).toEqual([
      { id: earlier.id, version: earlier.version, headline: 'Earlier story', writerName: 'Wendy Writer', section: '', words: 3, submittedAt: at(11).toISOString(), claim: null },
      { id: later.id, version: later.version, headline: 'Later story', writerName: 'Wendy Writer', section: '', words: 2, submittedAt: at(31).toISOString(), claim: null },
    ]);
  });

  it('drops a story once it is approved or returned', () => {
    const one = submitted('Approved soon', 40);
    const two = submitted('Returned soon', 41);
    approveArticle(deskA, one.id, { version: one.version }, at(50));
    returnArticle(deskA, two.id, { version: two.version, note: 'Check the figures.' }, at(51));
    expect(queueOf(deskA, [one.id, two.id])).toEqual([]);
  });

  it('is the copy desk’s: a writer is refused', () => {
    expect(appErrorFrom(() => listReviewQueue(writer)).code).toBe('FORBIDDEN');
  });
});

describe('claiming a story in review', () => {
  it('marks who handles it, refuses a claim made blind over someone else’s, and lets the claimant go', () => {
    const story = submitted('Claimed story', 60);
    const [claimed] = claimReview(deskA, story.id, { claim: true, expectedClaimantId: null }, at(62)).filter((item) => item.id === story.id);
    expect(claimed?.claim).toEqual({ byId: deskA.id, byName: 'Cora Copy', at: at(62).toISOString() });

    const blind = appErrorFrom(() => claimReview(deskB, story.id, { claim: true, expectedClaimantId: null }, at(63)));
    expect(blind).toMatchObject({ code: 'CONFLICT', message: 'Cora Copy has claimed this story meanwhile.' });
    expect(appErrorFrom(() => claimReview(deskB, story.id, { claim: false, expectedClaimantId: deskA.id }, at(63))).message).toBe(
      'Only whoever claimed a story lets it go.',
    );

    claimReview(deskB, story.id, { claim: true, expectedClaimantId: deskA.id }, at(64));
    expect(queueOf(deskB, [story.id])[0]?.claim?.byName).toBe('Dan Desk');
    claimReview(deskB, story.id, { claim: false, expectedClaimantId: deskB.id }, at(65));
    expect(queueOf(deskB, [story.id])[0]?.claim).toBeNull();

    expect(auditEntries({ targetType: 'article', targetId: story.id }).map((entry) => [entry.action, entry.details])).toEqual(
      expect.arrayContaining([
        ['article.claim', null],
        ['article.claim', { from: { id: deskA.id, name: 'Cora Copy' } }],
        ['article.unclaim', null],
      ]),
    );
  });

  it('ends with the trip through review: a returned and resubmitted story comes back unclaimed', () => {
    const story = submitted('Back again', 70);
    claimReview(deskA, story.id, { claim: true, expectedClaimantId: null }, at(72));
    const returned = returnArticle(deskA, story.id, { version: story.version, note: 'Shorter, please.' }, at(73));
    const again = submitArticle(writer, story.id, { version: returned.version }, at(74));
    expect(queueOf(deskA, [story.id])).toEqual([expect.objectContaining({ version: again.version, claim: null })]);
  });

  it('is refused for a story not in review, and for writers', () => {
    const draft = writtenStory(writer, 'Still a draft', at(80));
    expect(appErrorFrom(() => claimReview(deskA, draft.id, { claim: true, expectedClaimantId: null })).message).toBe('This story is no longer in review.');
    const story = submitted('Writer tries', 81);
    expect(appErrorFrom(() => claimReview(writer, story.id, { claim: true, expectedClaimantId: null })).code).toBe('FORBIDDEN');
  });
});
