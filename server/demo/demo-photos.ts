import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PhotoView } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import { uploadPhoto } from '@/server/photos/upload-photo';

/**
 * The demo's pictures, shipped as agency JPEGs would arrive: caption, photographer, credit,
 * copyright, date and alt text are in each file's own IPTC and XMP, nowhere else. They are painted
 * and tagged by scripts/paint-demo-photos.ts; the seed needs neither that script nor exiftool.
 */
const DEMO_PHOTO_FOLDER = path.join(process.cwd(), 'server', 'demo', 'photos');

export const DEMO_PHOTO_FILES = {
  armour: 'armour-on-flatcars.jpg',
  kremlin: 'kremlin-wall-snow.jpg',
  bank: 'ecb-tower.jpg',
  traders: 'trading-floor.jpg',
  port: 'odesa-port.jpg',
} as const;

export type DemoPhotoKey = keyof typeof DEMO_PHOTO_FILES;

/** Uploads the demo pictures through the same path a person's upload takes, so the library is prefilled from their metadata. */
export async function uploadDemoPhotos(uploader: SessionUser): Promise<Record<DemoPhotoKey, PhotoView>> {
  const uploaded: Partial<Record<DemoPhotoKey, PhotoView>> = {};
  // One after another, so the library lists them in the same order on every seed.
  for (const [key, fileName] of Object.entries(DEMO_PHOTO_FILES) as [DemoPhotoKey, string][]) {
    const bytes = await fs.readFile(path.join(DEMO_PHOTO_FOLDER, fileName));
    const { photo } = await uploadPhoto(uploader, { body: new Blob([new Uint8Array(bytes)]).stream(), fileName });
    uploaded[key] = photo;
  }
  return uploaded as Record<DemoPhotoKey, PhotoView>;
}
