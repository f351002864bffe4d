import 'server-only';
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '@/db/client';
import { getDb, preparedQuery } from '@/db/client';
import { articleAuthors, articles, articleTags, authors, sections, tags, users } from '@/db/schema';
import type { AuthorProfile, FilingChoices, FilingName, TagSummary } from '@/lib/filing';
import type { PublicFiling } from '@/lib/public/public-article';
import type { SessionUser } from '@/lib/session-user';
import { assertCan } from '@/server/policy';

const inIds = (column: SQLiteColumn) => inArray(column, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`);

// Read for the desk after every write, and for every story a public page or feed shows: built once.
const filingQueries = preparedQuery((db) => ({
  sections: db
    .select({ articleId: articles.id, id: sections.id, name: sections.name, slug: sections.slug, mediaTopic: sections.mediaTopic })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inIds(articles.id))
    .prepare(),
  tags: db
    .select({ articleId: articleTags.articleId, id: tags.id, name: tags.name, slug: tags.slug, mediaTopic: tags.mediaTopic })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inIds(articleTags.articleId))
    .orderBy(asc(articleTags.articleId), asc(articleTags.position))
    .prepare(),
  authors: db
    .select({ articleId: articleAuthors.articleId, id: authors.id, name: authors.name, slug: authors.slug })
    .from(articleAuthors)
    .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
    .where(inIds(articleAuthors.articleId))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
    .prepare(),
}));

/**
 * Where these articles are filed, with no permission check (callers check first, hence the name):
 * three queries however many articles, as a feed prints fifty stories' sections, tags and authors.
 * Sections and tags carry their Media Topic for the public outputs.
 */
export function unsafeLoadFilings(db: Db | Tx, articleIds: readonly number[]): Map<number, PublicFiling> {
  const filings = new Map<number, PublicFiling>(articleIds.map((id) => [id, { section: null, tags: [], authors: [] }]));
  if (articleIds.length === 0) return filings;
  const queries = filingQueries(db);
  const ids = JSON.stringify(articleIds);
  for (const { articleId, ...section } of queries.sections.all({ ids })) filings.get(articleId)!.section = section;
  for (const { articleId, ...tag } of queries.tags.all({ ids })) filings.get(articleId)!.tags.push(tag);
  for (const { articleId, ...author } of queries.authors.all({ ids })) filings.get(articleId)!.authors.push(author);
  return filings;
}

/** One article's filing, with no permission check. */
export function unsafeLoadFiling(db: Db | Tx, articleId: number): PublicFiling {
  return unsafeLoadFilings(db, [articleId]).get(articleId)!;
}

/** The name of the article's section, as each revision records it for the history's diffs. */
export function sectionNameOf(db: Db | Tx, articleId: number): string {
  return filingQueries(db).sections.get({ ids: JSON.stringify([articleId]) })?.name ?? '';
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

/** The sections for the admin's page. */
export function listSectionsFor(actor: SessionUser): ReturnType<typeof listSections> {
  assertCan(actor, 'taxonomy:manage');
  return listSections(getDb());
}

/** What the editor's Section and Authors fields offer: the whole lists, small in any newsroom. */
export function filingChoices(user: SessionUser): FilingChoices {
  assertCan(user, 'article:create');
  const db = getDb();
  return { sections: listSections(db).map(({ id, name, slug }) => ({ id, name, slug })), authors: listAuthors(db) };
}

const SUGGESTIONS = 10;

/** `q` as a LIKE prefix, its own % and _ meaning themselves. */
const likePrefix = (q: string) => `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Tags whose name starts with what is typed, most used first: the Tags field's suggestions. */
export function suggestTags(user: SessionUser, q: string): FilingName[] {
  assertCan(user, 'article:create');
  if (q === '') return [];
  return getDb()
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .where(sql`lower(${tags.name}) LIKE ${likePrefix(q)} ESCAPE '\\'`)
    .groupBy(tags.id)
    .orderBy(desc(count(articleTags.articleId)), asc(tags.name))
    .limit(SUGGESTIONS)
    .all();
}

const TAG_PAGE = 200;

/** The admin's tag list: every tag (or those starting with `q`) with how many stories carry it. */
export function listTags(actor: SessionUser, q: string): TagSummary[] {
  assertCan(actor, 'taxonomy:manage');
  return getDb()
    .select({ id: tags.id, name: tags.name, slug: tags.slug, mediaTopic: tags.mediaTopic, articles: count(articleTags.articleId) })
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .where(q === '' ? undefined : sql`lower(${tags.name}) LIKE ${likePrefix(q)} ESCAPE '\\'`)
    .groupBy(tags.id)
    .orderBy(asc(sql`lower(${tags.name})`))
    .limit(TAG_PAGE)
    .all();
}

/** Every author profile with the account it belongs to, if any, for the admin's list. */
export function listAuthorProfiles(actor: SessionUser): AuthorProfile[] {
  assertCan(actor, 'author:edit:any');
  return profilesQuery(getDb()).all();
}

function profilesQuery(db: Db) {
  return db
    .select({ id: authors.id, name: authors.name, slug: authors.slug, bio: authors.bio, photoId: authors.photoId, userId: authors.userId, userName: users.name })
    .from(authors)
    .leftJoin(users, eq(users.id, authors.userId))
    .orderBy(asc(authors.name));
}

/** The signed-in person's own author profile, or null if they have not made one. */
export function ownAuthorProfile(user: SessionUser): AuthorProfile | null {
  return profilesQuery(getDb()).where(eq(authors.userId, user.id)).get() ?? null;
}

/** Staff accounts an admin can link a profile to: those without one yet. */
export function staffWithoutProfile(actor: SessionUser): { id: number; name: string }[] {
  assertCan(actor, 'author:edit:any');
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .leftJoin(authors, eq(authors.userId, users.id))
    .where(sql`${authors.id} IS NULL`)
    .orderBy(asc(users.name))
    .all();
}
