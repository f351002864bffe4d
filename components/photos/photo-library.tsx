'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { UploadResult } from '@/lib/photos/photo-view';
import { photoKeys } from '@/lib/query-keys';
import { PhotoDetailsForm } from './photo-details-form';
import { PhotoGrid } from './photo-grid';
import { PhotoUploader } from './photo-uploader';
import { usePhotoLibrary } from './use-photo-library';

/** Long enough not to search on every keystroke, short enough to feel like search-as-you-type. */
const SEARCH_DELAY_MS = 300;

/** The desk's photo library: upload, find, and correct the caption and credit of any photo. */
export function PhotoLibrary({ timeZone }: { timeZone: string }) {
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState('');
  const [q, setQ] = useState('');
  const [missingCredit, setMissingCredit] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const { photos, fetchNextPage, hasNextPage, isFetchingNextPage, isPending, error } = usePhotoLibrary({ q, missingCredit });

  useEffect(() => () => clearTimeout(searchTimer.current), []);

  function searchSoon(text: string) {
    setSearchText(text);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => setQ(text), SEARCH_DELAY_MS);
  }

  const onUploaded = useCallback(
    (result: UploadResult) => {
      void queryClient.invalidateQueries({ queryKey: photoKeys.all });
      setSelectedId(result.photo.id);
    },
    [queryClient],
  );

  const filtered = q.trim() !== '' || missingCredit;

  return (
    <div className="photo-library">
      <section className="photo-library__upload card" aria-labelledby="photo-upload-heading">
        <h2 id="photo-upload-heading">Upload photos</h2>
        <PhotoUploader onUploaded={onUploaded} />
      </section>

      <div className="photo-library__body">
        <section className="photo-library__list" aria-labelledby="photo-list-heading">
          <h2 id="photo-list-heading" className="visually-hidden">
            Library
          </h2>
          <form
            className="photo-search"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              clearTimeout(searchTimer.current);
              setQ(searchText);
            }}
          >
            <div className="photo-search__field">
              <label htmlFor="photo-search">Search photos</label>
              <span id="photo-search-hint" className="field__hint">
                Caption, photographer or agency
              </span>
              <input
                id="photo-search"
                type="text"
                enterKeyHint="search"
                value={searchText}
                aria-describedby="photo-search-hint"
                onChange={(event) => searchSoon(event.target.value)}
              />
            </div>
            <button type="submit" className="button">
              Search
            </button>
            <label className="photo-search__check">
              <input type="checkbox" checked={missingCredit} onChange={(event) => setMissingCredit(event.target.checked)} />
              Missing credit
            </label>
          </form>

          {error && <p className="notice notice--error">{error.message}</p>}
          {isPending ? (
            <p className="muted">Loading photos…</p>
          ) : photos.length === 0 ? (
            <p className="empty">{filtered ? 'No photos match' : 'No photos yet — upload the first'}</p>
          ) : (
            <PhotoGrid
              photos={photos}
              selectedId={selectedId}
              onSelect={(photo) => {
                // The panel may sit below the grid on a narrow screen: take the person (and focus) to it.
                flushSync(() => setSelectedId(photo.id));
                panelHeading.current?.focus();
              }}
            />
          )}
          {hasNextPage && (
            <div className="pager">
              <button type="button" className="button button--quiet" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                {isFetchingNextPage ? 'Loading more photos…' : 'Load more photos'}
              </button>
            </div>
          )}
        </section>

        {selectedId !== null && (
          <section className="photo-library__panel card" aria-labelledby="photo-panel-heading">
            <h2 id="photo-panel-heading" ref={panelHeading} tabIndex={-1}>
              Photo details
            </h2>
            <PhotoDetailsForm photoId={selectedId} timeZone={timeZone} />
          </section>
        )}
      </div>
    </div>
  );
}
