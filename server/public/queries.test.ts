import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, storyFields } from '@/tests/factories';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { createArticle } from '@/server/articles/create-article';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { updatePhoto } from '@/server/photos/update-photo';
import { publicPageKeys } from '@/server/public-cache/public-page-keys';
import { latestPublicTeasers } from './queries';

let writer: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Lena Lists');
  desk = await makeUser('copy_editor', 'Dev Desk');
});

async function creditedPhoto(caption: string) {
  const { photo } = await uploadDistinctPhoto(desk);
  return updatePhoto(desk, photo.id, { ...photo, caption, photographer: 'Ann Lens', agency: 'Harbour Agency', altText: caption });
}

function published(headline: string, at: Date, fields: Partial<ReturnType<typeof storyFields>> = {}) {
  const { id } = createArticle(writer, at);
  const saved = saveArticle(writer, id, { ...storyFields(headline), ...fields, version: 1 }, at);
  return publishArticle(desk, id, { version: saved.version }, at);
}

describe('the front page’s list', () => {
  it('is the live stories, newest first publish first, each with its lead photo and no body', async () => {
    const lead = await creditedPhoto('Ferry at the quay');
    const inBody = await creditedPhoto('Crowd on the pier');
    const older = published('Harbour dues rise', new Date('2026-11-01T09:00:00Z'));
    const withdrawn = published('Pier to close', new Date('2026-11-02T09:00:00Z'));
    withdrawArticle(desk, withdrawn.id, { version: withdrawn.version, note: 'Withdrawn: the report was wrong.' });
    const newer = published('Ferry returns to service', new Date('2026-11-03T09:00:00Z'), {
      leadPhoto: { photoId: lead.id, caption: null, credit: null },
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The ferry is back.' }] },
          { type: 'photo', attrs: { photoId: inBody.id, caption: null, credit: null } },
        ],
      },
    });

    const teasers = latestPublicTeasers(3);
    expect(teasers.map((teaser) => teaser.id)).toEqual([newer.id, older.id]);
    expect(teasers[0]).toEqual({
      id: newer.id,
      slug: 'ferry-returns-to-service',
      headline: 'Ferry returns to service',
      standfirst: 'About Ferry returns to service',
      leadPhoto: { photoId: lead.id, caption: null, credit: null },
      photos: { [lead.id]: expect.objectContaining({ id: lead.id, altText: 'Ferry at the quay' }) },
      firstPublishedAt: '2026-11-03T09:00:00.000Z',
      updatedAt: null,
      coveredLive: false,
    });
    // The page shows the lead photo alone: its keys name it, and not the photo in the body.
    expect(publicPageKeys('/')?.slice(0, 4)).toEqual(['front', `story-${newer.id}`, `photo-${lead.id}`, `story-${older.id}`]);
  });
});
