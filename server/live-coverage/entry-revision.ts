import 'server-only';
import { sql } from 'drizzle-orm';
import { boundAsIs, preparedQuery, type Tx } from '@/db/client';
import { liveEntryRevisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { bodyHasWords, bodyPlainText } from '@/lib/editor/body-text';
import { bodyPhotoUses, photoPublishBlockers } from '@/lib/photos/photo-use';
import type { PostEntryInput } from '@/lib/validation/live-coverage';
import { storedBody } from '@/server/articles/save-article';
import { loadPhotoViews } from '@/server/photos/queries';
import { unknownAuthorIds } from './queries';

const insertQuery = preparedQuery((db) =>
  db
    .insert(liveEntryRevisions)
    .values({
      entryId: sql.placeholder('entryId'),
      number: sql.placeholder('number'),
      editedBy: sql.placeholder('editedBy'),
      createdAt: sql.placeholder('createdAt'),
      headline: sql.placeholder('headline'),
      body: boundAsIs('bodyJson'),
      bodyText: sql.placeholder('bodyText'),
      authorIds: boundAsIs('authorIds'),
    })
    .returning({ id: liveEntryRevisions.id })
    .prepare(),
);

/**
 * An entry's text checked as an article's is (the body's schema and size, its photos in the
 * library) plus its credited authors, and stored as the entry's next version. An entry with
 * neither words nor a photo is refused: there is nothing to post. An entry is public once posted,
 * so its photos must be fit to publish, as a story's are at its publish: credited and captioned.
 */
export function insertEntryRevision(
  tx: Tx,
  entry: { entryId: number; number: number; editedBy: number; createdAt: Date },
  input: PostEntryInput,
): number {
  const bodyJson = storedBody(input.body);
  if (!input.headline && !bodyHasWords(input.body) && bodyPhotoUses(input.body).length === 0) {
    throw new AppError('INVALID', 'The entry is empty.', { fields: { body: ['Write the entry before posting it.'] } });
  }
  const uses = bodyPhotoUses(input.body);
  const blockers = photoPublishBlockers(uses, Object.fromEntries(loadPhotoViews(tx, uses.map((use) => use.photoId))));
  if (blockers.length > 0) {
    throw new AppError('INVALID', 'A photo in this entry cannot be published yet.', { fields: { body: blockers.map((blocker) => blocker.message) } });
  }
  const unknown = unknownAuthorIds(tx, input.authorIds);
  if (unknown.length > 0) {
    throw new AppError('INVALID', 'An author this entry credits has no profile.', {
      fields: { authorIds: unknown.map((id) => `Author ${id} has no profile; choose another.`) },
    });
  }
  return insertQuery(tx).get({
    ...entry,
    headline: input.headline,
    bodyJson,
    bodyText: bodyPlainText(input.body),
    authorIds: JSON.stringify(input.authorIds),
  }).id;
}
