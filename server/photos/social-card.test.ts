import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { SOCIAL_CARD, socialCardUrl } from '@/lib/photos/renditions';
import { makeUser } from '@/tests/factories';
import { imageBytes, uploadOf } from '@/tests/photos-fixtures';
import { openRendition } from './open-rendition';
import { uploadPhoto } from './upload-photo';

/** IPTC's reference photo (2000×1000), as a wire photo arrives: every metadata field filled. */
const IPTC_REFERENCE = path.resolve(__dirname, '../../../shared/standards/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg');
const cardFile = (sha256: string) => path.join(process.env.DATA_DIR ?? '', 'photos', sha256.slice(0, 2), sha256, SOCIAL_CARD.fileName);

let user: SessionUser;
beforeAll(async () => {
  user = await makeUser('editor', 'Pia Photo');
});

async function servedCard(sha256: string) {
  const rendition = await openRendition(sha256, SOCIAL_CARD.fileName);
  expect(rendition).toBeDefined();
  const bytes = Buffer.from(await new Response(rendition!.body).arrayBuffer());
  expect(bytes.length).toBe(rendition!.size);
  return { contentType: rendition!.contentType, bytes, metadata: await sharp(bytes).metadata() };
}

describe('the social card rendition', () => {
  it('is made with the others: 1200×630, a JPEG, the photo cropped to fill it, no metadata carried', async () => {
    const { photo } = await uploadPhoto(user, uploadOf(fs.readFileSync(IPTC_REFERENCE), 'IPTC-PhotometadataRef-Std2023.2.jpg'));
    expect(socialCardUrl(photo.sha256)).toBe(`/media/photos/${photo.sha256}/social.jpg`);
    const card = await servedCard(photo.sha256);
    expect(card.contentType).toBe('image/jpeg');
    expect(card.metadata).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect({ exif: card.metadata.exif, iptc: card.metadata.iptc, xmp: card.metadata.xmp }).toEqual({ exif: undefined, iptc: undefined, xmp: undefined });
  });

  it('is made from the original, the first time it is asked for, for a photo stored before cards were made', async () => {
    const { photo } = await uploadPhoto(user, uploadOf(await imageBytes('png', { width: 300, height: 400, colour: '#aa3377' }), 'portrait.png'));
    fs.rmSync(cardFile(photo.sha256));
    const card = await servedCard(photo.sha256);
    expect(card.metadata).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(fs.existsSync(cardFile(photo.sha256))).toBe(true);
  });

  it('is nothing for a photo that is not in the store', async () => {
    expect(await openRendition('0'.repeat(64), SOCIAL_CARD.fileName)).toBeUndefined();
  });
});
