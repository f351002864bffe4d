import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { articleAuthors, articles, articleTags, authors, sections, tags } from '@/db/schema';
import type { PublicFiling } from '@/lib/public/public-article';

/**
 * Where these stories are filed, read for all of them at once (three queries whatever their
 * number: a feed prints fifty stories' sections, tags and authors). Filing belongs to the article,
 * not to a revision, so it is read from the article's own tables.
 */
export function publicFilingsOf(db: Db | Tx, articleIds: readonly number[]): Map<number, PublicFiling> {
  const filings = new Map<number, PublicFiling>(articleIds.map((id) => [id, { section: null, tags: [], authors: [] }]));
  if (articleIds.length === 0) return filings;
  const ids = [...articleIds];
  const topic = { id: sections.id, name: sections.name, slug: sections.slug, mediaTopic: sections.mediaTopic };
  for (const { articleId, ...section } of db
    .select({ articleId: articles.id, ...topic })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids))
    .all()) {
    filings.get(articleId)!.section = section;
  }
  for (const { articleId, ...tag } of db
    .select({ articleId: articleTags.articleId, id: tags.id, name: tags.name, slug: tags.slug, mediaTopic: tags.mediaTopic })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, ids))
    .orderBy(asc(articleTags.articleId), asc(articleTags.position))
    .all()) {
    filings.get(articleId)!.tags.push(tag);
  }
  for (const { articleId, ...author } of db
    .select({ articleId: articleAuthors.articleId, id: authors.id, name: authors.name, slug: authors.slug })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inArray(articleAuthors.articleId, ids))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
    .all()) {
    filings.get(articleId)!.authors.push(author);
  }
  return filings;
}

