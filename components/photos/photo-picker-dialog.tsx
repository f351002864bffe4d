'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { PhotoView } from '@/lib/photos/photo-view';
import { photoKeys } from '@/lib/query-keys';
import { PhotoGrid } from './photo-grid';
import { PhotoUploader } from './photo-uploader';
import { usePhotoLibrary } from './use-photo-library';

type Props = {
  title: string;
  onChoose: (photo: PhotoView) => void;
  onClose: () => void;
};

/**
 * Choosing a photo for an article: search the library or upload new ones, then pick one. A modal
 * <dialog>, so focus stays inside until it closes and Escape closes it.
 */
export function PhotoPickerDialog({ title, onChoose, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [search, setSearch] = useState('');
  const [missingCredit, setMissingCredit] = useState(false);
  const [uploaded, setUploaded] = useState<PhotoView | null>(null);
  const library = usePhotoLibrary({ q: search.trim(), missingCredit });
  const queryClient = useQueryClient();

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog ref={dialog} className="photo-picker" aria-labelledby={titleId} onClose={onClose}>
      <div className="photo-picker__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <PhotoUploader
        onUploaded={(result) => {
          setUploaded(result.photo);
          void queryClient.invalidateQueries({ queryKey: photoKeys.all });
        }}
      />
      {uploaded && (
        <p className="photo-picker__uploaded">
          <button type="button" className="button" onClick={() => onChoose(uploaded)}>
            Use “{uploaded.originalName}”
          </button>
        </p>
      )}
      <div className="photo-picker__filters">
        <div className="field">
          <label htmlFor={`${titleId}-search`}>Search photos</label>
          <input
            id={`${titleId}-search`}
            type="search"
            value={search}
            placeholder="Caption, photographer or agency"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={missingCredit} onChange={(event) => setMissingCredit(event.target.checked)} />
          Missing credit
        </label>
      </div>
      {library.error && <p className="notice notice--error">{library.error.message}</p>}
      {library.photos.length === 0 && !library.isFetching ? (
        <p className="empty">{search || missingCredit ? 'No photos match.' : 'No photos yet — upload the first.'}</p>
      ) : (
        <PhotoGrid photos={library.photos} selectedId={null} onSelect={onChoose} />
      )}
      {library.hasNextPage && (
        <button type="button" className="button button--quiet" onClick={() => void library.fetchNextPage()}>
          Load more photos
        </button>
      )}
    </dialog>
  );
}
