import type { WirePhotoOutcome } from '@/lib/wire/wire-item';

/** An item's photos: each in the library (with the agency's credit and rights), or why it was not received. */
export function WirePhotoList({ photos }: { photos: readonly WirePhotoOutcome[] }) {
  return (
    <section aria-labelledby="wire-photos">
      <h2 id="wire-photos">Photos</h2>
      <ul>
        {photos.map((photo, index) => (
          <li key={index}>
            {photo.photoId === null ? (
              <>
                <strong>{photo.href}</strong>: {photo.problem}
              </>
            ) : (
              <>In the photo library as photo {photo.photoId}</>
            )}
            {photo.caption && <div>{photo.caption}</div>}
            <div className="muted">
              {[photo.creator, photo.creditLine, photo.copyrightNotice].filter(Boolean).join(' · ')}
              {photo.usageTerms && ` · Usage: ${photo.usageTerms}`}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
