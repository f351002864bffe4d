import 'server-only';
import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { articleAuthors, articles, articleTags, authors, sections, tags } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { ArticleFiling } from '@/lib/filing';
import { can } from '@/lib/permissions';
import { filingChangeKeys, type Filing } from '@/lib/public/surrogate-keys';
import type { SessionUser } from '@/lib/session-user';
import { slugFromHeadline } from '@/lib/slug';
import { type FilingInput, normalTagName } from '@/lib/validation/filing';
import { recordAudit } from '@/server/audit/record-audit';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { unsafeLoadFiling } from './queries';

const idsOf = (filing: ArticleFiling): Filing => ({
  sectionId: filing.section?.id ?? null,
  tagIds: filing.tags.map((tag) => tag.id),
  authorIds: filing.authors.map((author) => author.id),
});

/**
 * Files an article anew, inside the caller's write (its policy and version checks already done).
 * Filing belongs to the article, not to a revision: a story re-filed while live moves between
 * section, tag and author pages at once, the way a newsroom reorganises its archive, so the lists
 * it leaves and joins are purged here. Unchanged filing writes nothing.
 */
export function fileArticle(
  tx: Tx,
  user: SessionUser,
  article: { id: number; liveRevisionId: number | null; withdrawnAt: Date | null },
  input: FilingInput,
  now: Date,
): void {
  const before = unsafeLoadFiling(tx, article.id);
  const after: Filing = {
    sectionId: checkedSection(tx, input.sectionId),
    tagIds: resolveTags(tx, user, input.tags),
    authorIds: checkedAuthors(tx, input.authorIds),
  };
  const was = idsOf(before);
  const sameSection = was.sectionId === after.sectionId;
  const sameTags = was.tagIds.join() === after.tagIds.join();
  const sameAuthors = was.authorIds.join() === after.authorIds.join();
  if (sameSection && sameTags && sameAuthors) return;

  if (!sameSection) tx.update(articles).set({ sectionId: after.sectionId }).where(eq(articles.id, article.id)).run();
  if (!sameTags) {
    tx.delete(articleTags).where(eq(articleTags.articleId, article.id)).run();
    if (after.tagIds.length > 0) {
      tx.insert(articleTags).values(after.tagIds.map((tagId, position) => ({ articleId: article.id, tagId, position }))).run();
    }
  }
  if (!sameAuthors) {
    tx.delete(articleAuthors).where(eq(articleAuthors.articleId, article.id)).run();
    if (after.authorIds.length > 0) {
      tx.insert(articleAuthors).values(after.authorIds.map((authorId, position) => ({ articleId: article.id, authorId, position }))).run();
    }
  }

  const filed = unsafeLoadFiling(tx, article.id);
  recordAudit(tx, {
    actorId: user.id,
    action: 'article.file',
    targetType: 'article',
    targetId: article.id,
    details: {
      section: filed.section?.name ?? null,
      tags: filed.tags.map((tag) => tag.name),
      authors: filed.authors.map((author) => author.name),
    },
  });
  if (article.liveRevisionId !== null && article.withdrawnAt === null) {
    recordPublicChange(tx, filingChangeKeys(article.id, was, after), now);
  }
}

function checkedSection(tx: Tx, sectionId: number | null): number | null {
  if (sectionId === null) return null;
  const found = tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId)).get();
  if (!found) throw new AppError('INVALID', 'That section no longer exists.', { fields: { sectionId: ['Choose another section.'] } });
  return sectionId;
}

function checkedAuthors(tx: Tx, authorIds: readonly number[]): number[] {
  const unique = [...new Set(authorIds)];
  if (unique.length === 0) return [];
  const found = new Set(tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, unique)).all().map((row) => row.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('INVALID', 'An author in the byline no longer exists.', { fields: { authorIds: ['Remove the missing author and choose again.'] } });
  }
  return unique;
}

/**
 * The tags named, in order: an existing tag by its name (any case) or by its address (so "Climate
 * change" and "climate-change" are one tag), otherwise a new one, which anyone who may tag may make.
 */
function resolveTags(tx: Tx, user: SessionUser, names: readonly string[]): number[] {
  const ids: number[] = [];
  for (const name of names.map(normalTagName).filter(Boolean)) {
    const slug = tagSlug(name);
    const existing = tx
      .select({ id: tags.id })
      .from(tags)
      .where(sql`lower(${tags.name}) = lower(${name}) or ${tags.slug} = ${slug}`)
      .get();
    let id = existing?.id;
    if (id === undefined) {
      if (!can(user, 'tag:create')) throw new AppError('FORBIDDEN', `You may not create the tag “${name}”; choose an existing one.`);
      id = tx.insert(tags).values({ name, slug, createdBy: user.id }).returning({ id: tags.id }).get().id;
      recordAudit(tx, { actorId: user.id, action: 'tag.create', targetType: 'tag', targetId: id, details: { name, slug } });
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** A tag's address: its words in ASCII, or for a name with none (emoji, Chinese) a stable stand-in. */
export function tagSlug(name: string): string {
  return slugFromHeadline(name) || `tag-${createHash('sha256').update(name.toLowerCase()).digest('hex').slice(0, 10)}`;
}
