import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, photos } from '@/db/schema';
import { publishBlockers } from '@/server/photos/publish-blockers';
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
});
