import 'server-only';
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { getDb, preparedQuery } from '@/db/client';
import { articleAuthors, articles, articleTags, authors, sections, tags, users } from '@/db/schema';
import type { AuthorProfile, FilingChoices, ArticleFiling, FilingName, TagSummary } from '@/lib/filing';
import type { SessionUser } from '@/lib/session-user';
import { assertCan } from '@/server/policy';

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
