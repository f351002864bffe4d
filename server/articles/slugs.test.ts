import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, writtenStory } from '@/tests/factories';
import { currentPublicVersion } from '@/server/public/public-version';
import { resolvePublicAddress } from '@/server/public/queries';
import { publishArticle } from './publish-article';
import { changeSlug } from './slugs';

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Sol Writer');
  otherWriter = await makeUser('editor', 'Ola Other');
  copyEditor = await makeUser('copy_editor', 'Cas Desk');
});

function liveStory(headline: string) {
  const story = writtenStory(writer, headline);
  return publishArticle(copyEditor, story.id, { version: story.version });
}

describe('a story’s address', () => {
  it('can be chosen by its writer before the first publish, and publishing keeps it', () => {
    const story = writtenStory(writer, 'Storm warning for the coast');
    expect(changeSlug(writer, story.id, 'storm-warning').slug).toBe('storm-warning');
    const published = publishArticle(copyEditor, story.id, { version: story.version });
    expect(published.slug).toBe('storm-warning');
    expect(resolvePublicAddress('storm-warning')).toEqual({ kind: 'live' });
  });

  it('moves a published story to a new address with a lasting redirect from the old one', () => {
    const story = liveStory('Mayor resigns');
    const version = currentPublicVersion();
    const moved = changeSlug(copyEditor, story.id, 'mayor-resigns-after-inquiry');
    expect(moved.slug).toBe('mayor-resigns-after-inquiry');
    expect(currentPublicVersion()).toBe(version + 1);
    expect(resolvePublicAddress('mayor-resigns')).toEqual({ kind: 'moved', id: story.id, slug: 'mayor-resigns-after-inquiry' });
    // Moved again: every former address goes straight to the current one.
    changeSlug(copyEditor, story.id, 'mayor-quits');
    expect(resolvePublicAddress('mayor-resigns')).toMatchObject({ kind: 'moved', slug: 'mayor-quits' });
    expect(resolvePublicAddress('mayor-resigns-after-inquiry')).toMatchObject({ kind: 'moved', slug: 'mayor-quits' });
    // Taking back a former address ends its redirect.
    changeSlug(copyEditor, story.id, 'mayor-resigns');
    expect(resolvePublicAddress('mayor-resigns')).toEqual({ kind: 'live' });
    expect(resolvePublicAddress('mayor-quits')).toMatchObject({ kind: 'moved', slug: 'mayor-resigns' });
    expect(auditEntries({ action: 'article.slug', targetId: story.id }).map((entry) => entry.details)).toEqual([
      { from: 'mayor-resigns', to: 'mayor-resigns-after-inquiry' },
      { from: 'mayor-resigns-after-inquiry', to: 'mayor-quits' },
      { from: 'mayor-quits', to: 'mayor-resigns' },
    ]);
  });

  it('is the copy desk’s to change once published', () => {
    const story = liveStory('Council tax rises');
    const refused = appErrorFrom(() => changeSlug(writer, story.id, 'tax-rises'));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'Only the copy desk can change the address of a published story.']);
    const other = writtenStory(otherWriter, 'Not yours to name');
    expect(appErrorFrom(() => changeSlug(writer, other.id, 'mine-now')).code).toBe('NOT_FOUND');
  });

  it('refuses an address another story has or had, a reserved word, and anything but a plain slug', () => {
    const taken = liveStory('Floods');
    changeSlug(copyEditor, taken.id, 'floods-in-the-north');
    const story = writtenStory(writer, 'Another flood story');
    for (const slug of ['floods-in-the-north', 'floods']) {
      const clash = appErrorFrom(() => changeSlug(writer, story.id, slug));
      expect([clash.code, clash.details.fields]).toEqual(['CONFLICT', { slug: [`/news/${slug} belongs to another story.`] }]);
    }
    for (const slug of ['feed', '../admin', '<script>alert(1)</script>', 'draft-mine', 'Upper-Case']) {
      const bad = appErrorFrom(() => changeSlug(writer, story.id, slug));
      expect(bad.code).toBe('INVALID');
    }
    expect(resolvePublicAddress('floods')).toMatchObject({ kind: 'moved', slug: 'floods-in-the-north' });
  });
});
