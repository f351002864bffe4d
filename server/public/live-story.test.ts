import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainTextToDoc } from '@/lib/article-body';
import { authorNameKey, photoKey, storyKey } from '@/lib/public/surrogate-keys';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, writtenStory } from '@/tests/factories';
import { entryFields, publishedLiveStory } from '@/tests/live-fixtures';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { publishArticle } from '@/server/articles/publish-article';
import { createAuthor } from '@/server/filing/save-author';
import { editEntry } from '@/server/live-coverage/edit-entry';
import { endLiveCoverage } from '@/server/live-coverage/end-live-coverage';
import { pinEntry } from '@/server/live-coverage/pin-entry';
import { postEntry } from '@/server/live-coverage/post-entry';
import { latestLiveEventId } from '@/server/live-coverage/queries';
import { removeEntry } from '@/server/live-coverage/remove-entry';
import { saveKeyPoints } from '@/server/live-coverage/save-key-points';
import { updatePhoto } from '@/server/photos/update-photo';
import { publicPageKeys } from '@/server/public-cache/public-page-keys';
import { findPublicArticle, latestPublicTeasers } from './queries';

let writer: SessionUser;
let desk: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Rita Live');
  desk = await makeUser('copy_editor', 'Cora Live');
  admin = await makeUser('admin', 'Ada Live');
});

const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 12, minute));

const text = (words: string) => entryFields('', words);

describe('a live story’s public page', () => {
  it('reads its coverage with the story: key points, entries pinned first then newest, removed ones gone, and the event it is current to', async () => {
    const { photo } = await uploadDistinctPhoto(desk);
    updatePhoto(desk, photo.id, { ...photo, caption: 'Crowds on the quay', photographer: 'Ann Lens', agency: 'Harbour Agency', altText: 'Crowds on the quay' });
    const author = createAuthor(admin, { name: `Tom Ruiz ${randomUUID().slice(0, 6)}` });
    const story = publishedLiveStory(writer, desk, `Port strike live ${randomUUID().slice(0, 6)}`, at(0));

    const first = postEntry(writer, story.id, text('Dockers gather at the gate.'), at(1));
    const second = postEntry(
      writer,
      story.id,
      {
        headline: 'Ships move',
        body: { type: 'doc', content: [...plainTextToDoc('The first ship leaves.').content, { type: 'photo', attrs: { photoId: photo.id, caption: null, credit: null } }] },
        authorIds: [author.id],
      },
      at(2),
    );
    const third = postEntry(writer, story.id, text('A wrong report.'), at(3));
    editEntry(writer, story.id, first.id, { ...text('Dockers gather at the north gate.'), version: first.version }, at(4));
    pinEntry(desk, story.id, first.id, { pinned: true, version: first.version + 1 }, at(5));
    removeEntry(writer, story.id, third.id, { version: third.version }, at(6));
    saveKeyPoints(writer, story.id, { keyPoints: ['Strike ends', '<img src=x onerror=alert(1)>'], basedOn: [] }, at(7));

    const article = findPublicArticle(story.slug)!;
    expect(article.live).toEqual({
      startedAt: at(0).toISOString(),
      endedAt: null,
      keyPoints: ['Strike ends', '<img src=x onerror=alert(1)>'],
      entries: [
        expect.objectContaining({ id: first.id, pinned: true, postedAt: at(1).toISOString(), updatedAt: at(4).toISOString(), authors: [] }),
        expect.objectContaining({ id: second.id, pinned: false, headline: 'Ships move', authors: [{ id: author.id, name: expect.any(String), slug: author.slug }] }),
      ],
      lastEventId: latestLiveEventId(),
    });
    expect(article.live?.entries[1]?.photos[photo.id]).toMatchObject({ id: photo.id, caption: 'Crowds on the quay' });

    // The page names the photos its entries show and the authors they credit, so a new credit or a renamed author purges it.
    expect(publicPageKeys(`/news/${story.slug}`)).toEqual(expect.arrayContaining([storyKey(story.id), photoKey(photo.id), authorNameKey(author.id)]));

    endLiveCoverage(writer, story.id, at(30));
    expect(findPublicArticle(story.slug)?.live).toMatchObject({ endedAt: at(30).toISOString(), entries: [expect.anything(), expect.anything()] });
  });

  it('is null for an ordinary article', () => {
    const story = writtenStory(writer, `Ordinary story ${randomUUID().slice(0, 6)}`, at(0));
    const { slug } = publishArticle(desk, story.id, { version: story.version }, at(0));
    expect(findPublicArticle(slug!)?.live).toBeNull();
  });

  it('is marked Live in the lists while its coverage is on, and not once it has ended', () => {
    const story = publishedLiveStory(writer, desk, `Lists mark it live ${randomUUID().slice(0, 6)}`, at(50));
    const teaser = (id: number) => latestPublicTeasers(100).find((listed) => listed.id === id);
    expect(teaser(story.id)?.coveredLive).toBe(true);
    endLiveCoverage(desk, story.id, at(52));
    expect(teaser(story.id)?.coveredLive).toBe(false);
  });
});
