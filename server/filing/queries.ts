import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { preparedQuery } from '@/db/client';
import { articleAuthors, articles, articleTags, authors, sections, tags } from '@/db/schema';
import type { ArticleFiling, FilingName } from '@/lib/filing';

const sectionOfQuery = preparedQuery((db) =>
  db
    .select({ id: sections.id, name: sections.name, slug: sections.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, sql.placeholder('articleId')))
    .prepare(),
);

const tagsOfQuery = preparedQuery((db) =>
  db
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, sql.placeholder('articleId')))
    .orderBy(asc(articleTags.position))
    .prepare(),
);

const authorsOfQuery = preparedQuery((db) =>
  db
    .select({ id: authors.id, name: authors.name, slug: authors.slug })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(eq(articleAuthors.articleId, sql.placeholder('articleId')))
    .orderBy(asc(articleAuthors.position))
    .prepare(),
);

/** The name of the article's section, as each revision records it for the history's diffs. */
export function sectionNameOf(db: Db | Tx, articleId: number): string {
  return sectionOfQuery(db).get({ articleId })?.name ?? '';
}

/** An article's filing with no permission check: callers check first, hence the name. */
export function unsafeLoadFiling(db: Db | Tx, articleId: number): ArticleFiling {
  return {
    section: sectionOfQuery(db).get({ articleId }) ?? null,
    tags: tagsOfQuery(db).all({ articleId }),
    authors: authorsOfQuery(db).all({ articleId }),
  };
}

/** The sections in the newsroom's order: the desk's choice and the site's menu. */
export function listSections(db: Db | Tx): (FilingName & { position: number; description: string; mediaTopic: string | null })[] {
  return db
    .select({ id: sections.id, name: sections.name, slug: sections.slug, position: sections.position, description: sections.description, mediaTopic: sections.mediaTopic })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name))
    .all();
}

/** The credited people a byline can name, by name. */
export function listAuthors(db: Db | Tx): (FilingName & { userId: number | null })[] {
  return db.select({ id: authors.id, name: authors.name, slug: authors.slug, userId: authors.userId }).from(authors).orderBy(asc(authors.name)).all();
}
