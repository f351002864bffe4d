import 'server-only';
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { articleAuthors, articles, articleTags } from '@/db/schema';
import type { ListRef } from '@/lib/public/public-lists';

/**
 * The stories in a list, as a condition on `articles`. A section is a column (read down its
 * (section, first publish) index); a tag's or an author's stories are read by their own index
 * (tag, article) and (author, article), so the cost of a page is that list's size, never the
 * archive's.
 */
export function inList(db: Db, list: ListRef): SQL {
  switch (list.kind) {
    case 'section':
      return eq(articles.sectionId, list.id);
    case 'tag':
      return inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, list.id)));
    case 'author':
      return inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, list.id)));
  }
}
