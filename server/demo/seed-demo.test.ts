import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, photos } from '@/db/schema';
import { publishBlockers } from '@/server/articles/publish-blockers';
import { wireStamp, wireStampText } from '@/lib/wire-timestamp';
import { findPublicArticle, latestPublicArticles } from '@/server/public/queries';
import { seedDemo } from './seed-demo';

describe('seedDemo', () => {
  it('gives every demo photo a credit and a caption read from its own XMP, so no demo story is blocked', async () => {
    const credentials = await seedDemo(new Date('2026-03-02T09:00:00Z'));
    expect(credentials.map((person) => person.role).sort()).toEqual(['admin', 'copy_editor', 'editor']);

    const library = getDb().select().from(photos).all();
    expect(library).toHaveLength(3);
    for (const photo of library) {
      expect(photo.caption).not.toBe('');
      expect(photo.agency).toBe('Dateline');
      expect(photo.altText).not.toBe('');
      expect(photo.metadataJson).toMatchObject({ prefilledFrom: { caption: 'XMP dc:description', photographer: 'XMP dc:creator' } });
    }
    expect(library.map((photo) => photo.photographer)).toContain('Олена Коваленко');

    for (const { id } of getDb().select({ id: articles.id }).from(articles).all()) {
      expect(publishBlockers(getDb(), id)).toEqual([]);
    }
  });

  it('takes its stories through the desk’s own steps, and prints the wire stamp of the format’s example', () => {
    expect(getDb().select({ status: articles.status }).from(articles).all().map((row) => row.status).sort()).toEqual([
      'approved',
      'draft',
      'in_review',
      'published',
      'published',
    ]);
    const moscow = findPublicArticle('moscow-says-some-troops-are-returning-to-base-after-drills');
    expect(moscow && wireStampText(wireStamp(moscow, 'UTC'))).toBe('12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)');
    expect(moscow).toMatchObject({ datelinePlace: 'MOSCOW', datelineSource: 'Sputnik' });
    const [bank, moscowAgain] = latestPublicArticles(10);
    expect([bank?.headline, moscowAgain?.headline]).toEqual([
      'Central bank holds rates, signals cut in spring',
      'Moscow says some troops are returning to base after drills',
    ]);
    // Each story gets its own photos, read for the whole list at once.
    expect(Object.values(bank?.photos ?? {}).map((photo) => photo.photographer).sort()).toEqual(['Jonas Weber', 'Lena Vogt']);
    expect(moscowAgain?.photos).toEqual({});
  });
});
