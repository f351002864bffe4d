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
  return freeSlug(tx, slugFromHeadline(headline), article.id);
}

/** `base`, or `base-2`, `base-3`… if another story has (or had) it; `story-…` when `base` is no address. */
function freeSlug(tx: Tx, wanted: string, articleId: number): string {
  const base = isValidSlug(wanted) ? wanted : withSuffix(`story-${wanted || articleId}`, '');
  for (let n = 1; n <= 50; n++) {
    const candidate = n === 1 ? base : withSuffix(base, `-${n}`);
    const owner = ownerOf(tx, candidate);
    if (owner === undefined || owner === articleId) return candidate;
  }
  // Fifty stories with one headline: the article's own number settles it.
  return withSuffix(base, `-${articleId}`);
}

/**
 * A published story whose address spells words removed for legal reasons moves to one without
 * them (`removed-for-legal-reasons-…`); its old address answers 301 there, so no public response
 * prints the words (a redirect's Location names only the new address). Compared as addresses, so
 * case, punctuation and transliteration ("Ольга" in `olga-…`) do not hide them. Says whether it moved.
 */
export function moveOffRemovedWords(tx: Tx, actorId: number, article: { id: number; slug: string }, removed: string): boolean {
  const words = slugFromHeadline(removed);
  if (!words || !`-${article.slug}-`.includes(`-${words}-`)) return false;
  const without = `-${article.slug}-`.split(`-${words}-`).join('-removed-for-legal-reasons-').replace(/^-+|-+$/g, '');
  moveAddress(tx, actorId, article, freeSlug(tx, without, article.id));
  return true;
}

/** The writes of an address change: the old address redirects once the story has been public. */
function moveAddress(tx: Tx, actorId: number, article: { id: number; slug: string; published?: boolean }, slug: string): void {
  const published = article.published ?? true;
  // Taking back one of the story's own former addresses ends its redirect.
  tx.delete(slugRedirects).where(and(eq(slugRedirects.fromSlug, slug), eq(slugRedirects.articleId, article.id))).run();
  if (published && !isPlaceholderSlug(article.slug)) {
    tx.insert(slugRedirects).values({ fromSlug: article.slug, articleId: article.id }).run();
  }
  tx.update(articles).set({ slug }).where(eq(articles.id, article.id)).run();
  if (published) recordPublicChange(tx, addressChangeKeys(article.id));
  recordAudit(tx, { actorId, action: 'article.slug', targetType: 'article', targetId: article.id, details: { from: article.slug, to: slug } });
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
      moveAddress(tx, user.id, { ...article, published }, slug);
      return loadArticleViewAfterWrite(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}
