import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import type { PhotoListQuery } from '@/lib/validation/photo';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser } from '@/tests/factories';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { listPhotos } from './queries';
import { updatePhoto } from './update-photo';

const T0 = new Date('2026-03-02T09:00:00Z').getTime();

type Fields = { caption?: string; photographer?: string; agency?: string; copyrightNotice?: string };

let user: SessionUser;
let inserted = 0;

/** A library row written straight to the table (no files: listing never reads them); the FTS triggers index it. */
function insertPhoto(fields: Fields, secondsAfterT0: number): number {
  inserted += 1;
  const sha256 = inserted.toString(16).padStart(64, '0');
  return getDb()
    .insert(photos)
    .values({
      sha256,
      storageKey: `${sha256.slice(0, 2)}/${sha256}`,
      mime: 'image/jpeg',
      sizeBytes: 1000,
      width: 800,
      height: 600,
      uploadedBy: user.id,
      createdAt: new Date(T0 + secondsAfterT0 * 1000),
      ...fields,
    })
    .returning({ id: photos.id })
    .get().id;
}

const ids = (query: PhotoListQuery, pageSize?: number) => listPhotos(user, query, pageSize).items.map((photo) => photo.id);
const found = (q: string) => ids({ q }).sort((a, b) => a - b);

let flood: number;
let rally: number;
let chamber: number;
let harbour: number;
let afp: number;
let protest: number;

beforeAll(async () => {
  user = await makeUser('editor', 'Lib Rarian');
  flood = insertPhoto({ caption: 'Flooded high street in Tewkesbury', photographer: 'José Müller', agency: 'Reuters' }, 1);
  rally = insertPhoto({ caption: 'Митинг на Дворцовой площади', photographer: 'Анна Петрова', agency: 'ТАСС' }, 2);
  chamber = insertPhoto({ caption: 'Council chamber vote', copyrightNotice: 'Zanzibar Holdings' }, 3);
  // Three rows in the same millisecond: the id breaks the tie in order and in the cursor.
  harbour = insertPhoto({ caption: 'Harbour at dawn', photographer: 'Ana Lens' }, 4);
  afp = insertPhoto({ agency: 'AFP' }, 4);
  protest = insertPhoto({ caption: 'Placards say "NEAR(" and OR * in the square' }, 4);
});

describe('listPhotos searching', () => {
  it('matches each word as a prefix, in caption, photographer or agency', () => {
    expect(found('flood')).toEqual([flood]);
    expect(found('tewk')).toEqual([flood]);
    expect(found('reuters')).toEqual([flood]);
    expect(found('ana')).toEqual([harbour]);
    expect(found('анна')).toEqual([rally]);
    expect(found('afp')).toEqual([afp]);
  });

  it('requires every word', () => {
    expect(found('flooded reuters')).toEqual([flood]);
    expect(found('flooded afp')).toEqual([]);
  });

  it('leaves out -words, and keeps "phrases" together', () => {
    expect(found('flooded -reuters')).toEqual([]);
    expect(found('-afp')).not.toContain(afp);
    expect(found('-afp')).toContain(flood);
    expect(found('"high street"')).toEqual([flood]);
    expect(found('"street high"')).toEqual([]);
  });

  it('ignores case, in Latin and Cyrillic script', () => {
    expect(found('FLOODED')).toEqual([flood]);
    expect(found('митинг')).toEqual([rally]);
    expect(found('ПЕТРОВ')).toEqual([rally]);
    expect(found('тасс')).toEqual([rally]);
  });

  it('ignores diacritics: “muller” finds Müller and “jose” finds José', () => {
    expect(found('muller')).toEqual([flood]);
    expect(found('jose')).toEqual([flood]);
    expect(found('Müller')).toEqual([flood]);
  });

  it('does not search the copyright notice', () => {
    expect(found('zanzibar')).toEqual([]);
  });

  it.each(['"', '*', 'OR', 'NEAR(', 'NEAR(flood', 'AND', 'NOT', 'flood OR', '(', ')', '-flood', '^flood', 'caption:flood', "'", '""', '" OR "', '\\', '{caption}: x', 'a"b'])(
    'takes %j as plain text and does not throw',
    (q) => {
      expect(() => listPhotos(user, { q })).not.toThrow();
    },
  );

  it('finds FTS5 operator words as the words themselves', () => {
    expect(found('NEAR(')).toEqual([protest]);
    expect(found('placards OR')).toEqual([protest]);
    expect(found('"near"')).toEqual([protest]);
  });

  it('keeps up with edits: an updated caption is found by its new words, not its old ones', async () => {
    const { photo } = await uploadDistinctPhoto(user);
    expect(found('kingfisher')).toEqual([]);

    const first = updatePhoto(user, photo.id, { ...photo, caption: 'Kingfisher on the Avon', photographer: 'Kit Wing' });
    expect(found('kingfisher')).toEqual([photo.id]);

    updatePhoto(user, photo.id, { ...first, caption: 'Heron on the Severn' });
    expect(found('kingfisher')).toEqual([]);
    expect(found('heron')).toEqual([photo.id]);
  });
});

describe('listPhotos filtering', () => {
  it('lists only photos with neither agency nor photographer as missing a credit', () => {
    const missing = listPhotos(user, { missingCredit: '1' }).items;
    expect(missing.map((photo) => photo.id).sort((a, b) => a - b)).toEqual([chamber, protest]);
    expect(missing.every((photo) => photo.creditLine === '')).toBe(true);
  });

  it('lists every photo when the filter is off', () => {
    expect(ids({ missingCredit: '0' })).toEqual(ids({}));
    expect(ids({})).toEqual(expect.arrayContaining([flood, rally, chamber, harbour, afp, protest]));
  });

  it('combines the filter with a search', () => {
    expect(ids({ q: 'council', missingCredit: '1' })).toEqual([chamber]);
    expect(ids({ q: 'harbour', missingCredit: '1' })).toEqual([]);
  });
});

describe('listPhotos paging', () => {
  it('walks every photo newest first, two at a time, with no repeats and no gaps', () => {
    const everything = getDb()
      .select({ id: photos.id, at: photos.createdAt })
      .from(photos)
      .all()
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
      .map((row) => row.id);
    expect(everything.length).toBeGreaterThan(4);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = listPhotos(user, cursor ? { cursor } : {}, 2);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((photo) => photo.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 50);

    expect(seen).toEqual(everything);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(everything.length / 2));
    // Same-millisecond rows come highest id first.
    expect(seen.indexOf(protest)).toBeLessThan(seen.indexOf(afp));
    expect(seen.indexOf(afp)).toBeLessThan(seen.indexOf(harbour));
  });

  it('does not shift the next page when a newer photo is added meanwhile', () => {
    const before = ids({});
    const first = listPhotos(user, {}, 1);
    const newer = insertPhoto({ caption: 'Added while paging', agency: 'PA' }, 10 * 365 * 86_400);
    const second = listPhotos(user, { cursor: first.nextCursor ?? undefined }, 1);

    expect(first.items.map((photo) => photo.id)).toEqual(before.slice(0, 1));
    expect(second.items.map((photo) => photo.id)).toEqual(before.slice(1, 2));
    expect(ids({}, 1)).toEqual([newer]);
  });

  it.each(['not-a-cursor', Buffer.from('1.2; DROP TABLE photos').toString('base64url'), Buffer.from('-1.5').toString('base64url'), ''])(
    'refuses a tampered cursor %j with INVALID',
    (cursor) => {
      if (cursor === '') {
        // An empty cursor is no cursor: the first page.
        expect(ids({ cursor })).toEqual(ids({}));
        return;
      }
      const error = appErrorFrom(() => listPhotos(user, { cursor }));
      expect(error.code).toBe('INVALID');
      expect(error.status).toBe(400);
    },
  );
});
