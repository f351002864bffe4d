import 'server-only';
import { decodeXML } from 'entities';
import exifr from 'exifr';
import { PHOTO_FIELD_MAX, type PhotoField, type PrefilledFrom } from '@/lib/photos/photo-view';

/** What a photo's own metadata says about it, ready to prefill the library form. */
export type FilePrefill = {
  values: Partial<Record<PhotoField, string>>;
  takenAt: Date | null;
  /** Which tag each prefilled value came from, so the form can say so. */
  from: PrefilledFrom;
  /** Everything read, minus location and camera-private blocks: kept with the photo. */
  raw: Record<string, unknown>;
};

/** exifr's output with `mergeOutput: false`: one object per block, XMP split by namespace. */
type Blocks = Record<string, Record<string, unknown> | undefined>;

/** Blocks never kept: where the photo was taken, and the camera maker's private data. */
const PRIVATE_BLOCKS = new Set(['gps', 'makerNote', 'userComment', 'thumbnail', 'ifd1', 'interop']);

/** Descriptions cameras write by themselves; they are not captions. */
const CAMERA_PLACEHOLDER = /^(OLYMPUS DIGITAL CAMERA|SONY DSC|DCIM\\?.*|DIGITAL CAMERA|SAMSUNG|default|Exif_JPEG_PICTURE)$/i;

/** IIM 1:90 CodedCharacterSet; `ESC % G` declares UTF-8. */
const CODED_CHARACTER_SET = Buffer.from([0x1c, 0x01, 0x5a]);
const UTF8_DECLARATION = Buffer.from([0x1b, 0x25, 0x47]);

export function iptcDeclaresUtf8(iptcBlock: Buffer | undefined): boolean {
  if (!iptcBlock) return false;
  const at = iptcBlock.indexOf(CODED_CHARACTER_SET);
  if (at < 0 || at + 5 > iptcBlock.length) return false;
  const length = iptcBlock.readUInt16BE(at + 3);
  return iptcBlock.subarray(at + 5, at + 5 + length).equals(UTF8_DECLARATION);
}

/**
 * exifr hands IPTC strings back byte for byte as Latin-1. Declared UTF-8 is decoded as such;
 * undeclared text is UTF-8 when its bytes are valid UTF-8 (many tools write it without saying so,
 * and Latin-1 accents almost never form valid UTF-8 by chance), and Windows-1252 otherwise.
 */
function decodeIptcString(latin1: string, declaredUtf8: boolean): string {
  const bytes = Buffer.from(latin1, 'latin1');
  if (declaredUtf8) return bytes.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function clean(value: string): string {
  // NULs and other controls pad fixed-size tags.
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
}

/** An XMP value as text: a language alternative gives its default, a list its items joined. */
function xmpText(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(decodeXML(value));
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const langDefault = value.find((item) => isLangValue(item) && item.lang === 'x-default') ?? value[0];
    if (isLangValue(langDefault)) return xmpText(langDefault.value);
    const items = value.map(xmpText).filter((item): item is string => Boolean(item));
    return items.length > 0 ? items.join(', ') : undefined;
  }
  if (isLangValue(value)) return xmpText(value.value);
  return undefined;
}

function isLangValue(value: unknown): value is { lang: string; value: unknown } {
  return typeof value === 'object' && value !== null && 'lang' in value && 'value' in value;
}

type Candidate = { from: string; read: (blocks: Blocks, iptc: (key: string) => string | undefined) => string | undefined };

const xmp = (namespace: string, key: string): Candidate => ({
  from: `XMP ${namespace}:${key}`,
  read: (blocks) => xmpText(blocks[namespace]?.[key]),
});
const iim = (dataset: string, key: string, name: string): Candidate => ({
  from: `IPTC ${dataset} ${name}`,
  read: (_blocks, iptc) => iptc(key),
});
const exif = (key: string): Candidate => ({
  from: `EXIF ${key}`,
  read: (blocks) => {
    const value = blocks.ifd0?.[key];
    return typeof value === 'string' ? clean(value) : undefined;
  },
});

/** Each field's sources, most trusted first: XMP, then IPTC, then EXIF (the Guardian Grid's order). */
const SOURCES: Record<PhotoField, Candidate[]> = {
  caption: [xmp('dc', 'description'), iim('2:120', 'Caption', 'Caption-Abstract'), exif('ImageDescription')],
  photographer: [xmp('dc', 'creator'), iim('2:80', 'Byline', 'By-line'), exif('Artist')],
  agency: [
    xmp('photoshop', 'Credit'),
    iim('2:110', 'Credit', 'Credit'),
    xmp('photoshop', 'Source'),
    iim('2:115', 'Source', 'Source'),
  ],
  copyrightNotice: [xmp('dc', 'rights'), iim('2:116', 'CopyrightNotice', 'Copyright Notice'), exif('Copyright')],
  altText: [xmp('Iptc4xmpCore', 'AltTextAccessibility')],
  rightsUrl: [xmp('xmpRights', 'WebStatement')],
};

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/;

/** A date written `2024-03-22`, `2024:03:22 00:23:02` or `2024-03-22T00:23:02+01:00`; a time without a zone is taken as UTC. */
function parseDate(text: string | undefined): Date | null {
  const match = /^(\d{4})[-:]?(\d{2})[-:]?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text?.trim() ?? '',
  );
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
  const offset = !zone || zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${ZONED.test(offset) ? offset : 'Z'}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function takenAtFrom(blocks: Blocks, iptc: (key: string) => string | undefined): { date: Date; from: string } | null {
  const candidates: [string, string | undefined][] = [
    ['XMP photoshop:DateCreated', xmpText(blocks.photoshop?.DateCreated)],
    ['IPTC 2:55 Date Created', iptc('DateCreated') && `${iptc('DateCreated')}${iptc('TimeCreated') ? `T${iptc('TimeCreated')}` : ''}`],
    [
      'EXIF DateTimeOriginal',
      typeof blocks.exif?.DateTimeOriginal === 'string'
        ? `${blocks.exif.DateTimeOriginal}${typeof blocks.exif.OffsetTimeOriginal === 'string' ? blocks.exif.OffsetTimeOriginal : ''}`
        : undefined,
    ],
  ];
  for (const [from, text] of candidates) {
    const date = parseDate(text);
    if (date) return { date, from };
  }
  return null;
}

/**
 * A position outside the GPS block: XMP's copy of it (`exif:GPSLatitude`, written by Lightroom and
 * Photoshop) and IPTC Extension's LocationCreated/LocationShown (`GPSLatitude`, `GPSAltitude`…).
 */
const LOCATION_KEY = /^GPS/;

/** JSON-safe copy of what was read: binary values and positions are dropped, IPTC text decoded. */
function keepable(blocks: Blocks, iptc: Record<string, unknown> | undefined): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(blocks).filter(([name]) => !PRIVATE_BLOCKS.has(name)));
  if (iptc) kept.iptc = iptc;
  return JSON.parse(
    JSON.stringify(kept, (key, value: unknown) =>
      LOCATION_KEY.test(key) || value instanceof Uint8Array || ArrayBuffer.isView(value) || value instanceof ArrayBuffer
        ? undefined
        : value,
    ),
  ) as Record<string, unknown>;
}

/**
 * Reads a photo file's XMP, IPTC and EXIF and picks the library fields from them. A file whose
 * metadata cannot be parsed still uploads, with nothing prefilled: metadata is a help, not a gate.
 */
export async function readFileMetadata(file: string, iptcBlock: Buffer | undefined): Promise<FilePrefill> {
  let blocks: Blocks;
  try {
    blocks =
      ((await exifr.parse(file, {
        tiff: true,
        exif: true,
        gps: false,
        ifd1: false,
        interop: false,
        makerNote: false,
        userComment: false,
        xmp: true,
        iptc: true,
        icc: false,
        jfif: false,
        ihdr: false,
        mergeOutput: false,
        multiSegment: true,
        reviveValues: false,
      })) as Blocks | undefined) ?? {};
  } catch {
    blocks = {};
  }

  const declaredUtf8 = iptcDeclaresUtf8(iptcBlock);
  const iptcDecoded = blocks.iptc
    ? Object.fromEntries(
        Object.entries(blocks.iptc).map(([key, value]) => [
          key,
          typeof value === 'string'
            ? decodeIptcString(value, declaredUtf8)
            : Array.isArray(value)
              ? value.map((item) => (typeof item === 'string' ? decodeIptcString(item, declaredUtf8) : item))
              : value,
        ]),
      )
    : undefined;
  const iptc = (key: string): string | undefined => {
    const value = iptcDecoded?.[key];
    const text = Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(', ') : value;
    return typeof text === 'string' ? clean(text) : undefined;
  };

  const values: FilePrefill['values'] = {};
  const from: PrefilledFrom = {};
  for (const [field, candidates] of Object.entries(SOURCES) as [PhotoField, Candidate[]][]) {
    for (const candidate of candidates) {
      const value = candidate.read(blocks, iptc);
      if (!value || CAMERA_PLACEHOLDER.test(value)) continue;
      if (field === 'rightsUrl' && !/^https?:\/\/\S+$/i.test(value)) continue;
      values[field] = value.slice(0, PHOTO_FIELD_MAX[field]);
      from[field] = candidate.from;
      break;
    }
  }
  const taken = takenAtFrom(blocks, iptc);
  if (taken) from.takenAt = taken.from;

  return { values, takenAt: taken?.date ?? null, from, raw: keepable(blocks, iptcDecoded) };
}
