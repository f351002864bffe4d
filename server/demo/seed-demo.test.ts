import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, photos, revisions, users } from '@/db/schema';
import { renditionFileName, renditionsFor, SOCIAL_CARD } from '@/lib/photos/renditions';
import { wireStamp, wireStampText } from '@/lib/wire-timestamp';
import { publishBlockers } from '@/server/articles/publish-blockers';
import { unsafeListThreads } from '@/server/comments/list-comments';
import { env } from '@/server/env';
import { getLiveDesk, liveStreamState } from '@/server/live-coverage/queries';
import { findPublicArticle, frontPageSections, latestPublicArticles } from '@/server/public/queries';
import { type DemoCredential, seedDemo } from './seed-demo';

const SEEDED_AT = new Date('2026-03-02T09:00:00Z');
let credentials: DemoCredential[];

const articleByHeadline = (headline: string) => {
  const row = getDb()
    .select({
      id: articles.id,
      status: articles.status,
      slug: articles.slug,
      scheduledFor: articles.scheduledFor,
      withdrawnAt: articles.withdrawnAt,
      workingRevisionId: articles.workingRevisionId,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(eq(revisions.headline, headline))
    .get();
  if (!row) throw new Error(`no demo story headed ${headline}`);
  return row;
};

beforeAll(async () => {
  credentials = await seedDemo(SEEDED_AT);
}, 60_000);

describe('seedDemo', () => {
  it('staffs the newsroom with a few people in each role, each with their own password', () => {
    const roles = credentials.map((person) => person.role).sort();
    expect(roles).toEqual(['admin', 'admin', 'copy_editor', 'copy_editor', 'editor', 'editor', 'editor']);
    expect(new Set(credentials.map((person) => person.password)).size).toBe(credentials.length);
  });

  it('uploads agency-tagged JPEGs through the photo pipeline: captions, credits and alt text read from the files, renditions on disk', () => {
    const library = getDb().select().from(photos).all();
    expect(library).toHaveLength(5);
    for (const photo of library) {
      expect(photo.caption).not.toBe('');
      expect(photo.agency).toBe('Dateline');
      expect(photo.copyrightNotice).toBe('© Dateline');
      expect(photo.altText).not.toBe('');
      expect(photo.takenAt).not.toBeNull();
      expect(photo.metadataJson).toMatchObject({
        prefilledFrom: { caption: 'XMP dc:description', photographer: 'XMP dc:creator', agency: 'XMP photoshop:Credit', altText: 'XMP Iptc4xmpCore:AltTextAccessibility' },
        // The IPTC IIM copy an older agency system would read, decoded as the UTF-8 it declares.
        file: { iptc: { Caption: photo.caption, Byline: photo.photographer, Credit: 'Dateline' } },
      });
      const folder = path.join(env().dataDir, 'photos', photo.storageKey);
      const expected = ['original', ...renditionsFor(photo).map(renditionFileName), SOCIAL_CARD.fileName];
      expect(fs.readdirSync(folder).sort()).toEqual(expected.sort());
    }
    expect(library.map((photo) => photo.photographer)).toEqual(
      expect.arrayContaining(['Ольга Смирнова', 'Дмитрий Волков', 'Олена Коваленко', 'Lena Vogt', 'Jonas Weber']),
    );
    for (const { id } of getDb().select({ id: articles.id }).from(articles).all()) {
      expect(publishBlockers(getDb(), id)).toEqual([]);
    }
  });

  it('has a story in every state the desk meets, each taken there by the desk’s own steps', () => {
    expect(
      getDb()
        .select({ status: articles.status })
        .from(articles)
        .all()
        .map((row) => row.status)
        .sort(),
    ).toEqual(['approved', 'draft', 'draft', 'in_review', 'published', 'published', 'published', 'published', 'scheduled', 'withdrawn']);

    const inReview = articleByHeadline('Rail strike talks resume after two-week pause');
    const [thread, ...otherThreads] = unsafeListThreads(getDb(), inReview.id);
    expect(otherThreads).toEqual([]);
    expect(thread).toMatchObject({
      authorName: 'Tomás Ruiz',
      anchor: { quote: 'before the holiday timetable begins', state: 'found' },
      replies: [{ authorName: 'Ingrid Berg' }],
    });

    const returned = articleByHeadline('Hospital waiting lists fall for a third month');
    expect(returned.status).toBe('draft');
    const returnStep = getDb()
      .select({ kind: revisions.kind, note: revisions.changeNote })
      .from(revisions)
      .where(eq(revisions.id, returned.workingRevisionId ?? 0))
      .get();
    expect(returnStep).toEqual({ kind: 'return', note: expect.stringContaining('Check the Welsh number') });

    const scheduled = articleByHeadline('Jobless rate falls to lowest in a decade');
    expect(scheduled.status).toBe('scheduled');
    // Tomorrow 07:00 on the newsroom's clock (UTC here), so the scheduler does not publish it at once.
    expect(scheduled.scheduledFor).toEqual(new Date('2026-03-03T07:00:00Z'));

    const withdrawn = articleByHeadline('Ferry operator to cut winter sailings');
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(findPublicArticle(withdrawn.slug)).toBeUndefined();

    const corrected = findPublicArticle(articleByHeadline('City museum reopens after five-year restoration').slug);
    expect(corrected?.bodyText).toContain('€38 million');
    expect(corrected?.corrections).toEqual([{ at: expect.any(String), note: expect.stringContaining('It was €38 million.') }]);
    expect(corrected?.updatedAt).toBe(corrected?.corrections[0]?.at);
  });

  it('prints the wire format’s own example on the Moscow story, with its lead and inline photos credited', () => {
    const moscow = findPublicArticle('moscow-says-some-troops-are-returning-to-base-after-drills');
    expect(moscow && wireStampText(wireStamp(moscow, 'UTC'))).toBe('12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)');
    expect(moscow).toMatchObject({ datelinePlace: 'MOSCOW', datelineSource: 'Sputnik' });
    expect(moscow?.bodyText).toContain('NATO’s secretary general');

    const lead = moscow?.leadPhoto && moscow.photos[moscow.leadPhoto.photoId];
    expect(lead).toMatchObject({
      creditLine: '© Dateline / Ольга Смирнова',
      caption: expect.stringContaining('Armoured vehicles wait on railway flatcars'),
      altText: expect.stringContaining('tanks on railway flatcars'),
    });
    const inline = moscow?.body.content.find((block) => block.type === 'photo');
    expect(inline && moscow?.photos[inline.attrs.photoId]).toMatchObject({
      creditLine: '© Dateline / Дмитрий Волков',
      caption: expect.stringContaining('Kremlin wall'),
      altText: expect.stringContaining('red brick fortress wall'),
    });
  });

  it('lists the newest stories first on the public site, each with its own photos', () => {
    const latest = latestPublicArticles(10);
    expect(latest.map((story) => story.headline)).toEqual([
      'Markets slide as new tariffs take effect',
      'Central bank holds rates, signals cut in spring',
      'City museum reopens after five-year restoration',
      'Moscow says some troops are returning to base after drills',
    ]);
    expect(Object.values(latest[1]?.photos ?? {}).map((photo) => photo.photographer).sort()).toEqual(['Jonas Weber', 'Lena Vogt']);
    expect(latest[2]?.photos).toEqual({});
  });

  it('files the live stories in sections, with tags and their writers as credited authors', () => {
    expect(frontPageSections().map(({ section, articles: filed }) => [section.name, filed.map((story) => story.headline)])).toEqual([
      ['World', ['Moscow says some troops are returning to base after drills']],
      ['Business', ['Markets slide as new tariffs take effect', 'Central bank holds rates, signals cut in spring']],
      ['Culture', ['City museum reopens after five-year restoration']],
    ]);
    expect(findPublicArticle(articleByHeadline('Moscow says some troops are returning to base after drills').slug)?.filing).toMatchObject({
      section: { name: 'World', slug: 'world' },
      tags: [{ name: 'Russia' }, { name: 'Ukraine' }],
      authors: [{ name: 'Nadia Petrova', slug: 'nadia-petrova' }],
    });
  });

  it('covers a live story: key points, entries from several reporters with their times, one pinned, one with a credited photo', () => {
    const story = articleByHeadline('Markets slide as new tariffs take effect');
    const desk = getDb().select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.email, 'tomas@dateline.example')).get()!;
    const coverage = getLiveDesk(desk, story.id);
    expect(coverage).toMatchObject({ public: true, endedAt: null, keyPoints: expect.arrayContaining(['Carmakers and chipmakers led the fall']) });
    expect(coverage.entries.map((entry) => [entry.pinned, entry.authors.map((author) => author.name)])).toEqual([
      [true, ['Nadia Petrova']],
      [false, ['Samuel Okafor']],
      [false, ['Ingrid Berg']],
      [false, ['Nadia Petrova']],
    ]);
    const photographed = coverage.entries[0]!;
    expect(Object.values(photographed.photos).map((photo) => photo.creditLine)).toEqual([expect.stringMatching(/^© Dateline \/ /)]);
    expect(liveStreamState(story.id)).toBe('live');
  });
});
