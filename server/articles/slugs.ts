import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { articles, revisions, slugRedirects } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { editRefusal } from '@/lib/article-edit-rules';
import type { ArticleView } from '@/lib/article-view';
import { can } from '@/lib/permissions';
import { publicPath } from '@/lib/public/public-article';
import { isPlaceholderSlug, SLUG_MAX, SlugInput, slugFromHeadline } from '@/lib/slug';
import type { SessionUser } from '@/lib/session-user';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { addressChangeKeys } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { findVisibleArticle, loadArticleViewAfterWrite } from './queries';

// Asked at every first publish, for each address tried.
const addressQueries = preparedQuery((db) => ({
  current: db.select({ id: articles.id }).from(articles).where(eq(articles.slug, sql.placeholder('slug'))).prepare(),
  former: db.select({ id: slugRedirects.articleId }).from(slugRedirects).where(eq(slugRedirects.fromSlug, sql.placeholder('slug'))).prepare(),
  headline: db.select({ headline: revisions.headline }).from(revisions).where(eq(revisions.id, sql.placeholder('revisionId'))).prepare(),
}));

/** The story that has this address, or had it and still redirects from it. */
function ownerOf(tx: Tx, slug: string): number | undefined {
  const queries = addressQueries(tx);
  return queries.current.get({ slug })?.id ?? queries.former.get({ slug })?.id;
}

function withSuffix(base: string, suffix: string): string {
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

const isValidSlug = (slug: string) => SlugInput.safeParse(slug).success;

/**
 * An address for a story that has none yet, from its working copy's headline:
 * `council-votes-on-budget`, then `council-votes-on-budget-2` if another story has (or had) it.
 * A headline that gives no address a person could type (`Latest`, `EU`, only emoji) gets `story-`
 * in front, or the article's number.
 */
export function claimSlug(tx: Tx, article: { id: number; workingRevisionId: number | null }): string {
  const headline =
    article.workingRevisionId === null ? '' : (addressQueries(tx).headline.get({ revisionId: article.workingRevisionId })?.headline ?? '');
  const fromHeadline = slugFromHeadline(headline);
  const base = isValidSlug(fromHeadline) ? fromHeadline : withSuffix(`story-${fromHeadline || article.id}`, '');
  for (let n = 1; n <= 50; n++) {
    const candidate = n === 1 ? base : withSuffix(base, `-${n}`);
    const owner = ownerOf(tx, candidate);
    if (owner === undefined || owner === article.id) return candidate;
  }
  // Fifty stories with one headline: the article's own number settles it.
  return withSuffix(base, `-${article.id}`);
}

/**
 * Sets a story's public address. Before the first publish, whoever may edit the article may choose
 * it; afterwards only the copy desk, because it moves a public page: the old address then answers
 * 301 to the new one for good.
 */
export function changeSlug(user: SessionUser, articleId: number, requested: string): ArticleView {
  const slug = parseInput(SlugInput, requested);
  return getDb().transaction(
    (tx) => {
      const article = findVisibleArticle(tx, user, articleId);
      const published = article.firstPublishedAt !== null;
      if (published && !can(user, 'article:publish:any')) {
        throw new AppError('FORBIDDEN', 'Only the copy desk can change the address of a published story.');
      }
      const refusal = editRefusal(user, article);
      if (!published && refusal) throw new AppError('FORBIDDEN', refusal);
      if (slug === article.slug) return loadArticleViewAfterWrite(tx, articleId);

      const owner = ownerOf(tx, slug);
      if (owner !== undefined && owner !== articleId) {
        throw new AppError('CONFLICT', 'That address is taken.', { fields: { slug: [`${publicPath(slug)} belongs to another story.`] } });
      }
      // Taking back one of the story's own former addresses ends its redirect.
      tx.delete(slugRedirects).where(and(eq(slugRedirects.fromSlug, slug), eq(slugRedirects.articleId, articleId))).run();
      if (published && !isPlaceholderSlug(article.slug)) {
        tx.insert(slugRedirects).values({ fromSlug: article.slug, articleId }).run();
      }
      tx.update(articles).set({ slug }).where(eq(articles.id, articleId)).run();
      if (published) recordPublicChange(tx, addressChangeKeys(articleId));
      recordAudit(tx, {
        actorId: user.id,
        action: 'article.slug',
        targetType: 'article',
        targetId: articleId,
        details: { from: article.slug, to: slug },
      });
      return loadArticleViewAfterWrite(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}
