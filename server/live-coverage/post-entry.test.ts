import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser } from '@/tests/factories';
import { editEntry } from './edit-entry';
import { postEntry } from './post-entry';
import { startLiveStory } from './start-live-story';

let reporter: SessionUser;

/** A library row as an upload would leave it; the files do not matter here. */
function libraryPhoto(name: string, fields: { caption?: string; agency?: string }): number {
  const sha256 = createHash('sha256').update(`live-${name}`).digest('hex');
  return getDb()
    .insert(photos)
    .values({ sha256, originalName: name, storageKey: sha256, mime: 'image/jpeg', sizeBytes: 1, width: 1600, height: 900, uploadedBy: reporter.id, ...fields })
    .returning({ id: photos.id })
    .get().id;
}

const withPhoto = (photoId: number, use: { caption?: string; credit?: string } = {}): BodyDoc => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The scene at the square.' }] },
    { type: 'photo', attrs: { photoId, caption: use.caption ?? null, credit: use.credit ?? null, alt: null } },
  ],
});

beforeAll(async () => {
  reporter = await makeUser('editor', 'Lena Live');
});

describe('an entry’s photos', () => {
  it('are refused without a credit or a caption, as a story’s are at its publish, naming each', () => {
    const { id } = startLiveStory(reporter);
    const bare = libraryPhoto('square.jpg', {});
    const refusal = appErrorFrom(() => postEntry(reporter, id, { headline: '', body: withPhoto(bare), authorIds: [] }));
    expect(refusal.code).toBe('INVALID');
    expect(refusal.details.fields?.body).toEqual(['The photo in the body “square.jpg” has no credit.', 'The photo in the body “square.jpg” has no caption.']);
  });

  it('may take the caption and credit from the entry’s own use of the photo, or from the library', () => {
    const { id } = startLiveStory(reporter);
    const bare = libraryPhoto('crowd.jpg', {});
    const credited = libraryPhoto('stage.jpg', { caption: 'The stage', agency: 'Dateline' });
    const entry = postEntry(reporter, id, { headline: '', body: withPhoto(bare, { caption: 'The crowd', credit: 'Ann Lee' }), authorIds: [] });
    expect(Object.keys(entry.photos)).toEqual([String(bare)]);
    expect(editEntry(reporter, id, entry.id, { headline: '', body: withPhoto(credited), authorIds: [], version: entry.version }).photos[credited]?.caption).toBe('The stage');
  });

  it('must be in the library', () => {
    const { id } = startLiveStory(reporter);
    const refusal = appErrorFrom(() => postEntry(reporter, id, { headline: '', body: withPhoto(987_654), authorIds: [] }));
    expect(refusal.details.fields?.body).toEqual(['The photo in the body (photo 987654) is no longer in the library.']);
  });
});
