/**
 * The credit printed under every photo: `© Agency / Photographer`, empties dropped. Empty when
 * neither is known, which is what makes a photo unpublishable.
 */
export function creditLine(photo: { agency: string; photographer: string }): string {
  const names = [photo.agency, photo.photographer].map((name) => name.trim()).filter(Boolean);
  return names.length === 0 ? '' : `© ${names.join(' / ')}`;
}
