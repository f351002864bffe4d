import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authors, sections, tags } from '@/db/schema';
import type { SearchFilterChoices } from '@/lib/search/search-filters';
import type { SessionUser } from '@/lib/session-user';
import { assertCan } from '@/server/policy';

/** The sections, tags and authors the desk's search filters offer: public filing, for anyone who reads the desk. */
export function listSearchFilters(user: SessionUser): SearchFilterChoices {
  assertCan(user, 'article:read:own');
  const db = getDb();
  const option = <T extends typeof sections | typeof tags | typeof authors>(table: T) => ({ name: table.name, slug: table.slug });
  return {
    sections: db.select(option(sections)).from(sections).orderBy(asc(sections.position), asc(sections.name)).all(),
    tags: db.select(option(tags)).from(tags).orderBy(sql`lower(${tags.name})`).all(),
    authors: db.select(option(authors)).from(authors).orderBy(asc(authors.name)).all(),
  };
}
