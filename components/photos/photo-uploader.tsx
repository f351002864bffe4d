'use client';

import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '@/lib/domain-constants';
import { formatFileSize } from '@/lib/photos/file-size';
import type { UploadResult } from '@/lib/photos/photo-view';
import { displayFileName } from '@/lib/photos/file-name';
import { uploadPhotoFile } from './upload-photo-file';

/** Two at a time keeps each file's progress moving on a slow line instead of all crawling together. */
const PARALLEL_UPLOADS = 2;

/** A hint to the file picker only: the server decides the type from the bytes. */
const ACCEPT = Object.keys(PHOTO_TYPES).join(',');
const ACCEPTED_TEXT = `${new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(Object.values(PHOTO_TYPES))}, up to ${formatFileSize(PHOTO_MAX_BYTES)} each.`;

type RowState =
  | { kind: 'waiting' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'added' }
  | { kind: 'duplicate' }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

type Row = { id: number; name: string; state: RowState };
type Job = { id: number; file: File; controller: AbortController };

const isOpen = (state: RowState) => state.kind === 'waiting' || state.kind === 'uploading';

/**
 * Picks or takes dropped photos, any number at once, and uploads them a couple at a time, each with
 * its own progress and Cancel. Every photo that ends up in the library, including one that was
 * already there, is handed to `onUploaded`.
 */
export function PhotoUploader({ onUploaded }: { onUploaded: (result: UploadResult) => void }) {
  const inputId = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const waiting = useRef<Job[]>([]);
  const running = useRef(new Map<number, AbortController>());
  const nextId = useRef(1);

  // Uploads outlive the render that started them; they report to the newest callback.
  const reportUploaded = useRef(onUploaded);
  useEffect(() => {
    reportUploaded.current = onUploaded;
  }, [onUploaded]);

  // Leaving the screen stops what is still going rather than finishing it unseen.
  useEffect(() => {
    const inFlight = running.current;
    const queue = waiting.current;
    return () => {
      queue.length = 0;
      for (const controller of inFlight.values()) controller.abort();
    };
  }, []);

  function show(id: number, state: RowState) {
    setRows((current) => current.map((row) => (row.id === id ? { ...row, state } : row)));
  }

  async function upload({ id, file, controller }: Job) {
    show(id, { kind: 'uploading', fraction: 0 });
    try {
      const result = await uploadPhotoFile(file, {
        signal: controller.signal,
        onProgress: (fraction) => show(id, { kind: 'uploading', fraction }),
      });
      show(id, { kind: result.duplicate ? 'duplicate' : 'added' });
      reportUploaded.current(result);
    } catch (error) {
      if (controller.signal.aborted) show(id, { kind: 'cancelled' });
      else show(id, { kind: 'failed', message: error instanceof ApiError ? error.message : 'The upload failed. Try again.' });
    }
  }

  function startWaiting() {
    while (running.current.size < PARALLEL_UPLOADS && waiting.current.length > 0) {
      const job = waiting.current.shift();
      if (!job) return;
      running.current.set(job.id, job.controller);
      void upload(job).finally(() => {
        running.current.delete(job.id);
        startWaiting();
      });
    }
  }

  function add(files: File[]) {
    if (files.length === 0) return;
    const jobs = files.map((file) => ({ id: nextId.current++, file, controller: new AbortController() }));
    setRows((current) => [
      ...current,
      ...jobs.map(({ id, file }) => ({ id, name: displayFileName(file.name), state: { kind: 'waiting' } as const })),
    ]);
    waiting.current.push(...jobs);
    startWaiting();
  }

  function cancel(id: number) {
    const queued = waiting.current.findIndex((job) => job.id === id);
    if (queued >= 0) {
      waiting.current.splice(queued, 1);
      show(id, { kind: 'cancelled' });
      return;
    }
    running.current.get(id)?.abort();
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  }

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  const finished = rows.filter((row) => !isOpen(row.state)).length;

  return (
    <div className="photo-uploader">
      <div
        className={dragging ? 'photo-drop photo-drop--over' : 'photo-drop'}
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p className="photo-drop__text">Drop photos here</p>
        <span className="photo-drop__or">or</span>
        <input
          id={inputId}
          className="photo-drop__input"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(event) => {
            add([...(event.target.files ?? [])]);
            // Choosing the same file again after a failure must still count as a change.
            event.target.value = '';
          }}
        />
        <label htmlFor={inputId} className="button">
          Choose photos
        </label>
        <p className="photo-drop__hint">{ACCEPTED_TEXT}</p>
      </div>

      {rows.length > 0 && (
        <>
          <ul className="upload-list" aria-live="polite" aria-label="Uploads">
            {rows.map((row) => (
              <UploadRow key={row.id} row={row} onCancel={() => cancel(row.id)} />
            ))}
          </ul>
          {finished > 0 && (
            <button
              type="button"
              className="button button--quiet upload-list__clear"
              onClick={() => setRows((current) => current.filter((row) => isOpen(row.state)))}
            >
              Clear finished uploads
            </button>
          )}
        </>
      )}
    </div>
  );
}

function UploadRow({ row, onCancel }: { row: Row; onCancel: () => void }) {
  const { state } = row;
  return (
    <li className={`upload-row upload-row--${state.kind}`}>
      <span className="upload-row__name">{row.name}</span>
      {isOpen(state) && (
        <>
          <progress
            className="upload-row__progress"
            max={1}
            value={state.kind === 'uploading' ? state.fraction : undefined}
            aria-label={`Uploading ${row.name}`}
          />
          <span className="upload-row__outcome">{openText(state)}</span>
          <button type="button" className="button button--quiet upload-row__cancel" onClick={onCancel} aria-label={`Cancel ${row.name}`}>
            Cancel
          </button>
        </>
      )}
      {!isOpen(state) && <span className="upload-row__outcome">{outcomeText(state)}</span>}
    </li>
  );
}

/** Only the steps are words: a percentage in the live list would be read out at every tick. */
function openText(state: RowState): string {
  if (state.kind === 'waiting') return 'Waiting…';
  return state.kind === 'uploading' && state.fraction >= 1 ? 'Checking the photo…' : '';
}

function outcomeText(state: RowState): string {
  switch (state.kind) {
    case 'added':
      return 'Added to the library';
    case 'duplicate':
      return 'Already in the library — using the existing photo';
    case 'failed':
      return state.message;
    case 'cancelled':
      return 'Cancelled';
    default:
      return '';
  }
}
