import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, exiftool, fixtureFolder, iptcBlockOf, writeJpeg } from '@/tests/photos-fixtures';
import { iptcDeclaresUtf8, readFileMetadata } from './read-file-metadata';

const IPTC_REFERENCE = path.resolve(__dirname, '../../../shared/standards/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg');
const IPTC_REFERENCE_EXIFTOOL = IPTC_REFERENCE.replace(/\.jpg$/, '.exiftool.json');

const folder = fixtureFolder();

/** Reads a file's metadata the way uploadPhoto does: the IPTC block comes from sharp. */
async function prefill(file: string) {
  return readFileMetadata(file, await iptcBlockOf(file));
}

/** Every key at any depth, to prove something is nowhere in a nested object. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
}

/** exiftool prints `2024:03:22 00:23:02+00:00`; ISO wants dashes in the date and a T. */
function exiftoolDate(text: string): Date {
  return new Date(text.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T'));
}

describe('readFileMetadata on IPTC’s reference image', () => {
  it('prefills every field from the XMP, as exiftool reads it', async () => {
    const [tags] = JSON.parse(fs.readFileSync(IPTC_REFERENCE_EXIFTOOL, 'utf8')) as Record<string, unknown>[];
    if (!tags) throw new Error('the exiftool JSON holds no file');
    const result = await prefill(IPTC_REFERENCE);

    expect(result.values).toEqual({
      caption: tags['XMP-dc:Description'],
      photographer: (tags['XMP-dc:Creator'] as string[])[0],
      agency: tags['XMP-photoshop:Credit'],
      copyrightNotice: tags['XMP-dc:Rights'],
      altText: tags['XMP-iptcCore:AltTextAccessibility'],
      rightsUrl: tags['XMP-xmpRights:WebStatement'],
    });
    expect(result.takenAt).toEqual(exiftoolDate(tags['XMP-photoshop:DateCreated'] as string));
    expect(result.takenAt?.toISOString()).toBe('2024-03-22T00:23:02.000Z');
  });

  it('says each value came from its XMP tag', async () => {
    expect((await prefill(IPTC_REFERENCE)).from).toEqual({
      caption: 'XMP dc:description',
      photographer: 'XMP dc:creator',
      agency: 'XMP photoshop:Credit',
      copyrightNotice: 'XMP dc:rights',
      altText: 'XMP Iptc4xmpCore:AltTextAccessibility',
      rightsUrl: 'XMP xmpRights:WebStatement',
      takenAt: 'XMP photoshop:DateCreated',
    });
  });

  it('keeps the raw metadata read, IPTC included', async () => {
    const [tags] = JSON.parse(fs.readFileSync(IPTC_REFERENCE_EXIFTOOL, 'utf8')) as Record<string, unknown>[];
    const { raw } = await prefill(IPTC_REFERENCE);
    expect(raw.iptc).toMatchObject({ Credit: tags?.['IPTC:Credit'], Byline: tags?.['IPTC:By-line'] });
    expect(raw.photoshop).toMatchObject({ Headline: tags?.['XMP-photoshop:Headline'] });
    // Stored as JSON: it must survive a round trip unchanged.
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
  });
});

describe('readFileMetadata on IPTC-only files', () => {
  it('reads Cyrillic from IPTC declared UTF-8, and says it came from IPTC', async () => {
    const file = await writeJpeg(folder, 'cyrillic-declared.jpg');
    await exiftool(file, [
      '-charset',
      'iptc=UTF8',
      '-IPTC:CodedCharacterSet=UTF8',
      '-IPTC:By-line=Анна Петрова',
      '-IPTC:Caption-Abstract=Митинг на Дворцовой площади',
      '-IPTC:Credit=ТАСС',
      '-IPTC:CopyrightNotice=© ТАСС, 2024',
    ]);
    const iptc = await iptcBlockOf(file);
    expect(iptcDeclaresUtf8(iptc)).toBe(true);

    const result = await readFileMetadata(file, iptc);
    expect(result.values).toEqual({
      photographer: 'Анна Петрова',
      caption: 'Митинг на Дворцовой площади',
      agency: 'ТАСС',
      copyrightNotice: '© ТАСС, 2024',
    });
    expect(result.from).toEqual({
      photographer: 'IPTC 2:80 By-line',
      caption: 'IPTC 2:120 Caption-Abstract',
      agency: 'IPTC 2:110 Credit',
      copyrightNotice: 'IPTC 2:116 Copyright Notice',
    });
    expect(result.raw.iptc).toMatchObject({ Byline: 'Анна Петрова', Credit: 'ТАСС' });
    expect(result.raw).not.toHaveProperty('dc');
  });

  it('reads UTF-8 IPTC that does not declare its character set', async () => {
    const file = await writeJpeg(folder, 'cyrillic-undeclared.jpg');
    await exiftool(file, ['-charset', 'iptc=UTF8', '-IPTC:By-line=Анна Петрова']);
    const iptc = await iptcBlockOf(file);
    expect(iptcDeclaresUtf8(iptc)).toBe(false);
    expect((await readFileMetadata(file, iptc)).values.photographer).toBe('Анна Петрова');
  });

  it('reads Latin-1 IPTC with no declared character set, accents intact', async () => {
    const file = await writeJpeg(folder, 'latin.jpg');
    await exiftool(file, [
      '-charset',
      'iptc=Latin',
      '-IPTC:By-line=José Müller',
      '-IPTC:Caption-Abstract=Straßenfest in Zürich',
      '-IPTC:Credit=Agentur Zürich',
    ]);
    const iptc = await iptcBlockOf(file);
    // The fixture really is single-byte Latin-1: "ü" is one byte, 0xFC.
    expect(iptc?.includes(Buffer.from('M\u00fcller', 'latin1'))).toBe(true);
    expect(iptcDeclaresUtf8(iptc)).toBe(false);

    expect((await readFileMetadata(file, iptc)).values).toEqual({
      photographer: 'José Müller',
      caption: 'Straßenfest in Zürich',
      agency: 'Agentur Zürich',
    });
  });
});

describe('readFileMetadata choosing between sources', () => {
  let allThree: string;
  let iptcAndExif: string;
  let exifOnly: string;

  beforeAll(async () => {
    allThree = await writeJpeg(folder, 'all-three.jpg');
    await exiftool(allThree, [
      '-XMP-dc:Description=XMP caption',
      '-IPTC:Caption-Abstract=IPTC caption',
      '-EXIF:ImageDescription=EXIF caption',
      '-XMP-dc:Creator=XMP Photographer',
      '-IPTC:By-line=IPTC Photographer',
      '-EXIF:Artist=EXIF Photographer',
      '-XMP-photoshop:Credit=XMP Agency',
      '-IPTC:Credit=IPTC Agency',
      '-XMP-dc:Rights=XMP Rights',
      '-IPTC:CopyrightNotice=IPTC Rights',
      '-EXIF:Copyright=EXIF Rights',
      '-XMP-photoshop:DateCreated=2024:05:01 10:00:00Z',
      '-IPTC:DateCreated=2024:05:02',
      '-IPTC:TimeCreated=11:00:00+00:00',
      '-EXIF:DateTimeOriginal=2024:05:03 12:00:00',
      '-EXIF:OffsetTimeOriginal=+02:00',
    ]);
    iptcAndExif = await copyOf(allThree, 'iptc-and-exif.jpg');
    await exiftool(iptcAndExif, ['-XMP:all=']);
    exifOnly = await copyOf(iptcAndExif, 'exif-only.jpg');
    await exiftool(exifOnly, ['-IPTC:all=']);
  });

  it.each([
    { winner: 'XMP', layers: 'XMP, IPTC and EXIF', file: () => allThree, takenAt: '2024-05-01T10:00:00.000Z', from: 'XMP photoshop:DateCreated' },
    { winner: 'IPTC', layers: 'IPTC and EXIF', file: () => iptcAndExif, takenAt: '2024-05-02T11:00:00.000Z', from: 'IPTC 2:55 Date Created' },
  ])('takes $winner when the file’s $layers disagree', async ({ winner, file, takenAt, from }) => {
    const result = await prefill(file());
    expect(result.values).toEqual({
      caption: `${winner} caption`,
      photographer: `${winner} Photographer`,
      agency: `${winner} Agency`,
      copyrightNotice: `${winner} Rights`,
    });
    expect(result.takenAt?.toISOString()).toBe(takenAt);
    expect(result.from.takenAt).toBe(from);
  });

  it('falls back to EXIF, with its zone offset, when that is all there is', async () => {
    const result = await prefill(exifOnly);
    expect(result.values).toEqual({ caption: 'EXIF caption', photographer: 'EXIF Photographer', copyrightNotice: 'EXIF Rights' });
    expect(result.from).toEqual({
      caption: 'EXIF ImageDescription',
      photographer: 'EXIF Artist',
      copyrightNotice: 'EXIF Copyright',
      takenAt: 'EXIF DateTimeOriginal',
    });
    expect(result.takenAt?.toISOString()).toBe('2024-05-03T10:00:00.000Z');
  });

  it('uses IPTC Source (2:115) for the agency only when there is no Credit', async () => {
    const both = await writeJpeg(folder, 'source-and-credit.jpg');
    const sourceOnly = await writeJpeg(folder, 'source-only.jpg');
    await Promise.all([
      exiftool(both, ['-IPTC:Source=Reuters', '-IPTC:Credit=Associated Press']),
      exiftool(sourceOnly, ['-IPTC:Source=Reuters']),
    ]);

    const credited = await prefill(both);
    expect(credited.values.agency).toBe('Associated Press');
    expect(credited.from.agency).toBe('IPTC 2:110 Credit');

    const sourced = await prefill(sourceOnly);
    expect(sourced.values.agency).toBe('Reuters');
    expect(sourced.from.agency).toBe('IPTC 2:115 Source');
  });

  it('decodes XML entities in XMP values', async () => {
    const file = await writeJpeg(folder, 'entities.jpg');
    await exiftool(file, ['-XMP-dc:Description=Smith & Sons <Ltd> say "no" & it\'s final', '-XMP-dc:Creator=Tom & Jerry']);
    const { values } = await prefill(file);
    expect(values.caption).toBe('Smith & Sons <Ltd> say "no" & it\'s final');
    expect(values.photographer).toBe('Tom & Jerry');
  });

  it('does not take a camera’s own placeholder description for a caption', async () => {
    const file = await writeJpeg(folder, 'olympus.jpg');
    // Olympus pads it with spaces to a fixed width.
    await exiftool(file, ['-EXIF:ImageDescription=OLYMPUS DIGITAL CAMERA         ', '-EXIF:Artist=Ana Lens']);
    const result = await prefill(file);
    expect(result.values).toEqual({ photographer: 'Ana Lens' });
    expect(result.from).not.toHaveProperty('caption');
  });

  it('prefills nothing from a file with no metadata', async () => {
    const file = await writeJpeg(folder, 'bare.jpg');
    const result = await prefill(file);
    expect(result.values).toEqual({});
    expect(result.from).toEqual({});
    expect(result.takenAt).toBeNull();
  });
});

describe('readFileMetadata and location', () => {
  const LOCATION_KEY = /gps|latitude|longitude/i;

  it('keeps no GPS position written into the file, in EXIF or XMP', async () => {
    const file = await writeJpeg(folder, 'gps.jpg');
    await exiftool(file, [
      '-EXIF:GPSLatitude=51.5',
      '-EXIF:GPSLatitudeRef=N',
      '-EXIF:GPSLongitude=0.12',
      '-EXIF:GPSLongitudeRef=W',
      // Lightroom and Photoshop copy the position into XMP as well.
      '-XMP-exif:GPSLatitude=51.5 N',
      '-XMP-exif:GPSLongitude=0.12 W',
      '-XMP-iptcExt:LocationCreatedGPSLatitude=51.5 N',
      '-XMP-iptcExt:LocationCreatedGPSLongitude=0.12 W',
      '-EXIF:Make=OM Digital Solutions',
      '-XMP-dc:Description=Flooded high street',
    ]);
    const { raw, values } = await prefill(file);

    expect(values.caption).toBe('Flooded high street');
    // The rest of what was read is kept: this is not an empty object passing by default.
    expect(raw.ifd0).toMatchObject({ Make: 'OM Digital Solutions' });
    expect(keysDeep(raw).filter((key) => LOCATION_KEY.test(key))).toEqual([]);
    expect(JSON.stringify(raw)).not.toMatch(/51[.,]\s*30|51\.5/);
  });

  it('keeps no GPS position from the IPTC reference image’s locations', async () => {
    const { raw } = await prefill(IPTC_REFERENCE);
    expect(keysDeep(raw).filter((key) => LOCATION_KEY.test(key))).toEqual([]);
  });
});
