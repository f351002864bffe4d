/**
 * The sizes every library photo is served at. Renditions are never wider than the original, so a
 * small photo has fewer of them; the widest also exists as a JPEG for clients without WebP.
 */
export const RENDITION_WIDTHS = [320, 640, 1024, 1600] as const;

export type RenditionFormat = 'webp' | 'jpeg';

export const RENDITION_MIME: Record<RenditionFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };
const EXTENSION: Record<RenditionFormat, string> = { webp: 'webp', jpeg: 'jpg' };

export type Rendition = { width: number; height: number; format: RenditionFormat };

/** The widths made for an original this wide: each target capped at the original, duplicates dropped. */
export function renditionWidths(originalWidth: number): number[] {
  return [...new Set(RENDITION_WIDTHS.map((target) => Math.min(target, originalWidth)))];
}

export function renditionsFor(photo: { width: number; height: number }): Rendition[] {
  const sized = renditionWidths(photo.width).map((width) => ({
    width,
    height: Math.max(1, Math.round((photo.height * width) / photo.width)),
  }));
  const widest = sized.at(-1);
  return [...sized.map((size) => ({ ...size, format: 'webp' as const })), ...(widest ? [{ ...widest, format: 'jpeg' as const }] : [])];
}

/** The file name of one rendition inside its photo's folder, e.g. `640.webp`. */
export function renditionFileName(rendition: { width: number; format: RenditionFormat }): string {
  return `${rendition.width}.${EXTENSION[rendition.format]}`;
}

/**
 * The social card: what Open Graph and X show when a story is shared, 1200×630 (1.91:1), the photo
 * cropped to fill it. A JPEG, which every network reads.
 */
export const SOCIAL_CARD = { width: 1200, height: 630, format: 'jpeg', fileName: 'social.jpg' } as const;

export function socialCardUrl(sha256: string): string {
  return `/media/photos/${sha256}/${SOCIAL_CARD.fileName}`;
}

/** Parses a rendition file name back; undefined for anything that is not exactly one. */
export function parseRenditionFileName(name: string): { width: number; format: RenditionFormat } | undefined {
  if (name === SOCIAL_CARD.fileName) return SOCIAL_CARD;
  const match = /^([1-9]\d{0,4})\.(webp|jpg)$/.exec(name);
  if (!match) return undefined;
  return { width: Number(match[1]), format: match[2] === 'jpg' ? 'jpeg' : 'webp' };
}

/** Public, immutable URL of a rendition: the content hash in the path makes it safe to cache forever. */
export function renditionUrl(sha256: string, rendition: { width: number; format: RenditionFormat }): string {
  return `/media/photos/${sha256}/${renditionFileName(rendition)}`;
}

/** `srcset` of the WebP renditions, plus the JPEG fallback's URL and the size to reserve. */
export function responsiveImage(photo: { sha256: string; width: number; height: number }) {
  const renditions = renditionsFor(photo);
  const webp = renditions.filter((r) => r.format === 'webp');
  const jpeg = renditions.find((r) => r.format === 'jpeg');
  return {
    srcSet: webp.map((r) => `${renditionUrl(photo.sha256, r)} ${r.width}w`).join(', '),
    fallbackSrc: jpeg ? renditionUrl(photo.sha256, jpeg) : '',
    width: jpeg?.width ?? photo.width,
    height: jpeg?.height ?? photo.height,
  };
}

export function thumbnailUrl(photo: { sha256: string; width: number }): string {
  return renditionUrl(photo.sha256, { width: Math.min(RENDITION_WIDTHS[0], photo.width), format: 'webp' });
}

/** The `sizes` of a photo in the article column, and of the lead photo across the page's top. */
export const BODY_PHOTO_SIZES = '(min-width: 48rem) 42rem, 100vw';
export const LEAD_PHOTO_SIZES = '(min-width: 64rem) 60rem, 100vw';
