import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tags } from '@/db/schema';
import type { SearchFilterChoices } from '@/lib/search/search-filters';
import type { SessionUser } from '@/lib/session-user';
import { listAuthors, listSections } from '@/server/filing/queries';
import { assertCan } from '@/server/policy';

/** The sections, tags and authors the desk's search filters offer: public filing, for anyone who reads the desk. */
export function listSearchFilters(user: SessionUser): SearchFilterChoices {
  assertCan(user, 'article:read:own');
  const db = getDb();
  const choice = ({ name, slug }: { name: string; slug: string }) => ({ name, slug });
  return {
    sections: listSections(db).map(choice),
    tags: db.select({ name: tags.name, slug: tags.slug }).from(tags).orderBy(sql`lower(${tags.name})`).all(),
    authors: listAuthors(db).map(choice),
  };
}
