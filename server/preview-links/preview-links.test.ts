import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, previewLinks } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { CreatePreviewLinkInput } from '@/lib/preview-links/preview-link';
import { parseInput } from '@/lib/validation/parse-input';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { createPreviewLink } from './create-preview-link';
import { openPreview, previewRefusalOf } from './open-preview';
import { PreviewRefusal, type PreviewRefusalReason } from './preview-token';
import { listPreviewLinks } from './queries';
import { refusedPreviewResponse } from './refused-preview';
import { revokePreviewLink } from './revoke-preview-link';

const T0 = new Date('2026-06-01T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const HOUR = 60;

let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  desk = await makeUser('copy_editor', 'Cora Desk');
});

const create = (user: SessionUser, articleId: number, raw: unknown, now = at(1)) => createPreviewLink(user, articleId, parseInput(CreatePreviewLinkInput, raw), now);
/** The token part of a link's address, as the reader's browser sends it back. */
const tokenOf = (path: string) => path.split('/').at(-1)!;

function refusalOf(fn: () => unknown): PreviewRefusalReason {
  try {
    fn();
  } catch (error) {
    if (error instanceof PreviewRefusal) return error.reason;
    throw error;
  }
  throw new Error('Expected the preview to be refused');
}

const auditCount = () => getDb().select({ n: count() }).from(auditLog).get()?.n;

describe('preview links', () => {
  it('open the revision they were made for, each opening audited and shown as last opened', () => {
    const story = writtenStory(writer, 'Harbour reopens', at(0));
    const { link, path } = create(writer, story.id, { shows: 'version' });
    expect(path).toMatch(new RegExp(`^/preview/${story.id}/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(link).toMatchObject({ revisionNumber: 2, createdByName: 'Wendy Writer', expiresAt: at(1 + 48 * HOUR).toISOString(), revokedAt: null, lastOpenedAt: null });

    saveArticle(writer, story.id, { ...storyFields('Harbour stays shut'), version: story.version }, at(2));
    const opened = openPreview(story.id, tokenOf(path), at(3));
    expect(opened).toMatchObject({ revisionNumber: 2, followsLatest: false, article: { headline: 'Harbour reopens', firstPublishedAt: at(3).toISOString() } });
    openPreview(story.id, tokenOf(path), at(4));

    expect(listPreviewLinks(writer, story.id)[0]?.lastOpenedAt).toBe(at(4).toISOString());
    expect(auditEntries({ targetType: 'article', targetId: story.id }).filter((entry) => entry.action.startsWith('preview.'))).toEqual([
      expect.objectContaining({ actorId: writer.id, action: 'preview.create', details: { link: link.id, shows: 'version', expiresAt: at(1 + 48 * HOUR).toISOString() } }),
      expect.objectContaining({ actorId: null, action: 'preview.open', details: { link: link.id, revision: 2 } }),
      expect.objectContaining({ actorId: null, action: 'preview.open', details: { link: link.id, revision: 2 } }),
    ]);
  });

  it('keep the autosave they were made for as it is: the next autosave is a revision of its own', () => {
    const story = writtenStory(writer, 'Bridge closes', at(0));
    const autosaved = saveArticle(writer, story.id, { ...storyFields('Bridge closes tonight'), version: story.version, mode: 'autosave' }, at(1));
    const { path } = create(writer, story.id, { shows: 'version' }, at(1));
    const later = saveArticle(writer, story.id, { ...storyFields('Bridge closes for a week'), version: autosaved.version, mode: 'autosave' }, at(2));
    expect(later.revisionNumber).toBe(autosaved.revisionNumber + 1);
    expect(openPreview(story.id, tokenOf(path), at(3)).article.headline).toBe('Bridge closes tonight');
  });

  it('that follow the latest working copy show each new save', () => {
    const story = writtenStory(writer, 'Market moves', at(0));
    const { link, path } = create(writer, story.id, { shows: 'latest', hours: 24 }, at(1));
    expect(link).toMatchObject({ revisionNumber: null, expiresAt: at(1 + 24 * HOUR).toISOString() });
    saveArticle(writer, story.id, { ...storyFields('Market moves indoors'), version: story.version }, at(2));
    expect(openPreview(story.id, tokenOf(path), at(3))).toMatchObject({ followsLatest: true, revisionNumber: 3, article: { headline: 'Market moves indoors' } });
  });

  it('are refused when forged, unknown, for another article, revoked or expired, storing nothing', () => {
    const story = writtenStory(writer, 'Council votes', at(0));
    const other = writtenStory(writer, 'Council adjourns', at(0));
    const { link, path } = create(writer, story.id, { shows: 'version' });
    const token = tokenOf(path);
    const [nonce, signature] = token.split('.') as [string, string];
    const before = auditCount();

    expect(refusalOf(() => openPreview(story.id, `${nonce}.${signature.slice(0, -2)}AA`, at(2)))).toBe('forged');
    expect(refusalOf(() => openPreview(story.id, `${nonce.slice(0, -1)}x.${signature}`, at(2)))).toBe('forged');
    expect(refusalOf(() => openPreview(story.id, 'not-a-token', at(2)))).toBe('forged');
    expect(refusalOf(() => openPreview(other.id, token, at(2)))).toBe('wrong-article');
    expect(refusalOf(() => openPreview(story.id, token, at(1 + 48 * HOUR)))).toBe('expired');
    expect(previewRefusalOf(story.id, token, at(1 + 48 * HOUR))?.reason).toBe('expired');
    expect(previewRefusalOf(story.id, token, at(2))).toBeNull();

    revokePreviewLink(writer, story.id, link.id, at(5));
    expect(refusalOf(() => openPreview(story.id, token, at(6)))).toBe('revoked');
    expect(previewRefusalOf(story.id, token, at(6))?.reason).toBe('revoked');

    // Signed by this server, but for no link it holds (a database restored from before it was made).
    getDb().update(previewLinks).set({ tokenHash: 'gone' }).where(eq(previewLinks.id, link.id)).run();
    expect(refusalOf(() => openPreview(story.id, token, at(7)))).toBe('unknown');

    expect(auditCount()).toBe(before! + 1); // the revocation, and no opening
    expect(listPreviewLinks(writer, story.id)[0]).toMatchObject({ lastOpenedAt: null, revokedAt: at(5).toISOString() });
  });

  it('are made and revoked by the story’s writer and the desk only, and revoking twice is no error', () => {
    const story = writtenStory(writer, 'Schools open', at(0));
    expect(appErrorFrom(() => create(otherWriter, story.id, { shows: 'version' })).code).toBe('NOT_FOUND');
    const { link } = create(desk, story.id, { shows: 'latest', hours: 168 });
    expect(appErrorFrom(() => revokePreviewLink(otherWriter, story.id, link.id)).code).toBe('NOT_FOUND');
    expect(appErrorFrom(() => revokePreviewLink(writer, story.id + 1000, link.id)).code).toBe('NOT_FOUND');
    revokePreviewLink(writer, story.id, link.id, at(2));
    revokePreviewLink(desk, story.id, link.id, at(3));
    expect(listPreviewLinks(desk, story.id)[0]?.revokedAt).toBe(at(2).toISOString());
    expect(auditEntries({ action: 'preview.revoke', targetId: story.id })).toHaveLength(1);
  });

  it('refuse a bad choice of lifetime, and a story readers already see as it is', () => {
    const story = writtenStory(writer, 'Storm passes', at(0));
    expect(appErrorFrom(() => create(writer, story.id, { shows: 'version', hours: 5 })).details.fields?.hours).toBeDefined();
    const published = publishArticle(desk, story.id, { version: story.version }, at(1));
    expect(appErrorFrom(() => create(desk, story.id, { shows: 'version' })).message).toMatch(/Readers already see this version/);
    // A staged update: the working copy moves on from what readers see.
    saveArticle(desk, story.id, { ...storyFields('Storm passes, damage counted'), version: published.version }, at(2));
    const { path } = create(desk, story.id, { shows: 'version' }, at(3));
    expect(openPreview(story.id, tokenOf(path), at(4)).article).toMatchObject({ headline: 'Storm passes, damage counted', firstPublishedAt: at(1).toISOString() });
  });

  it('answer a refused reader 410 for a link that has ended and 404 for any other, private and not indexed', async () => {
    const site = { name: 'The Paper', language: 'en' };
    for (const [reason, status, words] of [
      ['expired', 410, 'This preview link has expired'],
      ['revoked', 410, 'This preview link has been withdrawn'],
      ['forged', 404, 'This preview link is not valid'],
      ['unknown', 404, 'This preview link is not valid'],
      ['wrong-article', 404, 'This preview link is not valid'],
    ] as const) {
      const response = refusedPreviewResponse(reason, site);
      expect(response.status, reason).toBe(status);
      expect(Object.fromEntries(response.headers), reason).toMatchObject({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
      expect(await response.text(), reason).toContain(words);
    }
  });
});
