import 'server-only';
import type { Tx } from '@/db/client';
import { AppError } from '@/lib/app-error';
import type { ArticleView } from '@/lib/article-view';
import { type RevisionKind, STAMP_MOVING_KINDS } from '@/lib/domain-constants';
import { isPlaceholderSlug } from '@/lib/slug';
import type { SessionUser } from '@/lib/session-user';
import type { PublishInput } from '@/lib/validation/workflow';
import { type Filing, filingIds, filingListKeys, LIST_KEYS, sitemapKeysOf, storyKey } from '@/lib/public/surrogate-keys';
import { recordAudit } from '@/server/audit/record-audit';
import { notify } from '@/server/notifications/notify';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { unsafeLoadFiling } from '@/server/filing/queries';
import { publishBlockers } from './publish-blockers';
import { snapshotWorkingCopy } from '@/server/revisions/snapshot-revision';
import type { ArticleLifecycle } from './queries';
import { claimSlug } from './slugs';
import { advanceArticle, runWorkflowStep } from './workflow-step';

/**
 * Publishes the working copy: the first publish, or an update of the live story. The public page
 * changes only here (and at withdrawal); edits before it stay in the working copy.
 */
export function publishArticle(user: SessionUser, articleId: number, input: PublishInput, now = new Date()): ArticleView {
  return runWorkflowStep(
    user,
    articleId,
    { action: 'publish', version: input.version },
    ({ tx, article }) => publishWorkingCopy(tx, user, article, input, now),
    now,
  );
}

/** Refuses, naming each problem, while anything stops the working copy being published. */
export function assertPublishable(tx: Tx, articleId: number, at: Date): void {
  const blockers = publishBlockers(tx, articleId, at);
  if (blockers.length === 0) return;
  throw new AppError('CONFLICT', 'This article cannot be published until these are fixed.', {
    fields: { publish: blockers.map((blocker) => blocker.message) },
  });
}

/**
 * The writes of a publish, shared with the scheduler: a revision of the publish's kind becomes
 * both the working copy and the live one; the first publish is stamped once and never again; an
 * Update or a Correction moves the public "Updated" stamp, a Minor fix does not; the story gets its
 * address from the headline if it has none; and cached public pages are retired.
 */
export function publishWorkingCopy(
  tx: Tx,
  user: SessionUser,
  article: ArticleLifecycle,
  input: Pick<PublishInput, 'updateKind' | 'note' | 'correction'>,
  now: Date,
  via: 'desk' | 'schedule' = 'desk',
): void {
  const kind = publishKind(article, input);
  assertPublishable(tx, article.id, now);
  const slug = isPlaceholderSlug(article.slug) ? claimSlug(tx, article) : article.slug;
  const revision = snapshotWorkingCopy(tx, article, {
    kind,
    authorId: user.id,
    at: now,
    changeNote: input.note,
    publicNote: kind === 'correction' ? input.correction : null,
  });
  advanceArticle(tx, article, user, now, {
    status: 'published',
    slug,
    workingRevisionId: revision.id,
    liveRevisionId: revision.id,
    firstPublishedAt: article.firstPublishedAt ?? now,
    ...((STAMP_MOVING_KINDS as readonly string[]).includes(kind) ? { updatedAt: now } : {}),
    withdrawnAt: null,
    scheduledFor: null,
    scheduledBy: null,
    scheduleFailure: null,
  });
  recordPublicChange(tx, publicChangeKeys(article, kind, filingIds(unsafeLoadFiling(tx, article.id))), now);
  recordAudit(tx, {
    actorId: user.id,
    action: 'article.publish',
    targetType: 'article',
    targetId: article.id,
    details: { kind, revision: revision.number, slug, via, ...(input.note ? { note: input.note } : {}) },
  });
  notify(tx, { recipientId: article.authorId, kind: 'published', articleId: article.id, actorId: user.id, corrected: kind === 'correction' }, now);
}

/**
 * What a publish changes for readers: the story's own responses (and every list that shows it,
 * by its key); the lists it joins, when it was not live before, its section's, tags' and authors'
 * among them; its sitemap and the index when its "Updated" stamp (their lastmod) moves; the
 * corrections page for a correction. An update changes no list's membership: every list page and
 * feed showing the story carries its key, so the story's key alone purges them.
 */
function publicChangeKeys(article: ArticleLifecycle, kind: RevisionKind, filing: Filing): string[] {
  const joins = article.liveRevisionId === null || article.withdrawnAt !== null;
  return [
    storyKey(article.id),
    ...(joins ? [LIST_KEYS.front, LIST_KEYS.feeds, ...sitemapKeysOf(article.id), LIST_KEYS.newsSitemap, ...filingListKeys(filing)] : []),
    ...(!joins && (STAMP_MOVING_KINDS as readonly string[]).includes(kind) ? sitemapKeysOf(article.id) : []),
    ...(kind === 'correction' ? [LIST_KEYS.corrections] : []),
  ];
}

function publishKind(article: ArticleLifecycle, input: Pick<PublishInput, 'updateKind' | 'correction'>): RevisionKind {
  if (article.firstPublishedAt === null) {
    if (input.updateKind) {
      throw new AppError('INVALID', 'This story has not been published yet, so there is nothing to update.', {
        fields: { updateKind: ['Publish it first; updates come after.'] },
      });
    }
    return 'publish';
  }
  if (!input.updateKind) {
    throw new AppError('INVALID', 'This story is already published: say what kind of update this is.', {
      fields: { updateKind: ['Choose Update, Correction or Minor fix.'] },
    });
  }
  if (input.updateKind === 'correction' && !input.correction) {
    throw new AppError('INVALID', 'A correction needs its note for readers.', {
      fields: { correction: ['Write the correction readers will see at the foot of the story.'] },
    });
  }
  return input.updateKind;
}
