import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { publicChanges } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { SaveSearchSocialInput } from '@/lib/search-social/search-social';
import { parseInput } from '@/lib/validation/parse-input';
import { publishArticle } from '@/server/articles/publish-article';
import { submitArticle } from '@/server/articles/review-steps';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, writtenStory } from '@/tests/factories';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { getSearchSocial, publicSearchSocial } from './queries';
import { saveSearchSocial } from './save-search-social';

let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  desk = await makeUser('copy_editor', 'Cora Desk');
});

const FIELDS = { seoTitle: '  Harbour reopens after storm  ', metaDescription: 'Ships are moving again.', socialHeadline: 'The harbour is open', socialPhotoId: null };
const save = (user: SessionUser, articleId: number, raw: unknown) => saveSearchSocial(user, articleId, parseInput(SaveSearchSocialInput, raw));
const lastChange = () => getDb().select().from(publicChanges).all().at(-1);

describe('search and social fields', () => {
  it('are saved on their own, trimmed, audited, and read back with the photo chosen', async () => {
    const story = writtenStory(writer, 'Harbour reopens');
    expect(getSearchSocial(writer, story.id)).toEqual({ seoTitle: '', metaDescription: '', socialHeadline: '', socialPhoto: null });
    const { photo } = await uploadDistinctPhoto(writer);
    const saved = save(writer, story.id, { ...FIELDS, socialPhotoId: photo.id });
    expect(saved).toMatchObject({ seoTitle: 'Harbour reopens after storm', socialHeadline: 'The harbour is open', socialPhoto: { id: photo.id, sha256: photo.sha256 } });
    expect(getSearchSocial(desk, story.id)).toEqual(saved);
    save(writer, story.id, { ...FIELDS, socialHeadline: '' });
    expect(getSearchSocial(writer, story.id)).toMatchObject({ socialHeadline: '', socialPhoto: null });
    expect(auditEntries({ action: 'article.search_social', targetId: story.id })).toEqual([
      expect.objectContaining({ actorId: writer.id, details: { ...FIELDS, seoTitle: 'Harbour reopens after storm', socialPhotoId: photo.id } }),
      expect.objectContaining({ actorId: writer.id, details: { ...FIELDS, seoTitle: 'Harbour reopens after storm', socialHeadline: '' } }),
    ]);
  });

  it('purge a live story’s page when they change, and only then', () => {
    const story = writtenStory(desk, 'Bridge opens');
    const before = lastChange()?.id;
    save(desk, story.id, FIELDS);
    expect(lastChange()?.id).toBe(before);
    publishArticle(desk, story.id, { version: story.version });
    save(desk, story.id, { ...FIELDS, metaDescription: 'Traffic flows again.' });
    expect(lastChange()?.keys.split(' ')).toEqual([`story-${story.id}`]);
    expect(publicSearchSocial(story.id)).toMatchObject({ metaDescription: 'Traffic flows again.' });
  });

  it('refuse overlong texts, a photo not in the library, and people who may not edit the story, changing nothing', () => {
    const story = writtenStory(writer, 'Market moves');
    const tooLong = appErrorFrom(() => save(writer, story.id, { ...FIELDS, metaDescription: 'x'.repeat(161), seoTitle: 'y'.repeat(71) }));
    expect(Object.keys(tooLong.details.fields ?? {})).toEqual(['seoTitle', 'metaDescription']);
    expect(appErrorFrom(() => save(writer, story.id, { ...FIELDS, socialPhotoId: 999_999 })).details.fields?.socialPhotoId).toBeDefined();
    expect(appErrorFrom(() => save(otherWriter, story.id, FIELDS)).code).toBe('NOT_FOUND');
    submitArticle(writer, story.id, { version: story.version });
    expect(appErrorFrom(() => save(writer, story.id, FIELDS)).code).toBe('FORBIDDEN');
    expect(getSearchSocial(writer, story.id).seoTitle).toBe('');
    expect(auditEntries({ action: 'article.search_social', targetId: story.id })).toEqual([]);
  });
});
