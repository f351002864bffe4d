import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser, storyFields } from '@/tests/factories';
import { createArticle } from './create-article';
import { getArticle } from './queries';
import { saveArticle } from './save-article';
import { publishBlockers } from './publish-blockers';

let writer: SessionUser;

/** A library row as an upload would leave it; the files do not matter here. */
function libraryPhoto(name: string, fields: { caption?: string; agency?: string; photographer?: string; altText?: string }): number {
  const sha256 = createHash('sha256').update(name).digest('hex');
  return getDb()
    .insert(photos)
    .values({ sha256, originalName: name, storageKey: sha256, mime: 'image/jpeg', sizeBytes: 1, width: 1600, height: 900, uploadedBy: writer.id, ...fields })
    .returning({ id: photos.id })
    .get().id;
}

const withPhotos = (...nodes: { photoId: number; caption?: string | null; credit?: string | null }[]): BodyDoc => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Opening line.' }] },
    ...nodes.map((attrs) => ({ type: 'photo' as const, attrs: { caption: null, credit: null, alt: null, ...attrs } })),
  ],
});

let complete: number;
let uncredited: number;
let noAlt: number;
let bare: number;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wren Writer');
  complete = libraryPhoto('a1-complete.jpg', { caption: 'Crowds at the gate', agency: 'Dateline', photographer: 'Ana Lens', altText: 'A crowd at a gate' });
  uncredited = libraryPhoto('b2-uncredited.jpg', { caption: 'Harbour at dusk', altText: 'Boats' });
  noAlt = libraryPhoto('c3-noalt.jpg', { caption: 'The minister', agency: 'Reuters' });
  bare = libraryPhoto('d4-bare.jpg', {});
});

function draftWith(leadPhoto: { photoId: number; caption?: string | null; credit?: string | null } | null, body: BodyDoc) {
  const { id } = createArticle(writer);
  saveArticle(writer, id, {
    ...storyFields('Photos story'),
    leadPhoto: leadPhoto && { caption: null, credit: null, ...leadPhoto },
    body,
    version: 1,
  });
  return id;
}

describe('publishBlockers', () => {
  it('is empty for photos with credit and caption and a lead with alt text', () => {
    const id = draftWith({ photoId: complete }, withPhotos({ photoId: noAlt }));
    expect(publishBlockers(getDb(), id)).toEqual([]);
  });

  it('names each photo used without a credit or caption, and a lead photo without alt text', () => {
    const id = draftWith({ photoId: noAlt }, withPhotos({ photoId: uncredited }, { photoId: bare }));
    expect(publishBlockers(getDb(), id).map((blocker) => blocker.message)).toEqual([
      'The lead photo “c3-noalt.jpg” has no alt text.',
      'The photo in the body “b2-uncredited.jpg” has no credit.',
      'The photo in the body “d4-bare.jpg” has no credit.',
      'The photo in the body “d4-bare.jpg” has no caption.',
    ]);
  });

  it('counts this article’s caption and credit overrides without changing the library photo', () => {
    const id = draftWith({ photoId: complete, caption: 'Our own caption' }, withPhotos({ photoId: bare, caption: 'Empty room', credit: '© Pool' }));
    expect(publishBlockers(getDb(), id)).toEqual([]);
    const view = getArticle(writer, id);
    expect(view.leadPhoto).toEqual({ photoId: complete, caption: 'Our own caption', credit: null });
    expect(view.photos[bare]).toMatchObject({ caption: '', creditLine: '' });
    expect(view.photos[complete]).toMatchObject({ caption: 'Crowds at the gate', creditLine: '© Dateline / Ana Lens' });
  });

  it('comes with the article view, so the editor shows the checklist after every save', () => {
    const id = draftWith({ photoId: uncredited }, withPhotos());
    expect(getArticle(writer, id).publishBlockers).toEqual([
      { photoId: uncredited, place: 'lead', problem: 'credit', message: 'The lead photo “b2-uncredited.jpg” has no credit.' },
    ]);
  });
});

describe('saving an article with photos', () => {
  it('refuses a photo id that is not in the library, by field, and saves nothing', () => {
    const { id } = createArticle(writer);
    const lead = appErrorFrom(() =>
      saveArticle(writer, id, { ...storyFields('Ghost'), leadPhoto: { photoId: 99_999, caption: null, credit: null }, version: 1 }),
    );
    expect(lead.code).toBe('INVALID');
    expect(lead.details.fields).toEqual({ leadPhoto: ['Photo 99999 is not in the library; choose another.'] });
    const inBody = appErrorFrom(() => saveArticle(writer, id, { ...storyFields('Ghost'), body: withPhotos({ photoId: 88_888 }), version: 1 }));
    expect(inBody.details.fields).toEqual({ body: ['Photo 88888 is not in the library; choose another.'] });
    expect(getArticle(writer, id).version).toBe(1);
  });
});
