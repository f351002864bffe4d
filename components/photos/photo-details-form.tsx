'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormField } from '@/components/editor/form-field';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { FieldErrors } from '@/lib/app-error';
import { formatDeskTime } from '@/lib/desk-time';
import { PHOTO_TYPES } from '@/lib/domain-constants';
import { creditLine } from '@/lib/photos/credit-line';
import { formatFileSize } from '@/lib/photos/file-size';
import { PHOTO_FIELD_LABELS, PHOTO_FIELDS, type PhotoDetail, type PhotoField, type PhotoView } from '@/lib/photos/photo-view';
import { responsiveImage } from '@/lib/photos/renditions';
import { photoKeys } from '@/lib/query-keys';
import type { UpdatePhotoInput } from '@/lib/validation/photo';
import { photoAltText } from './photo-alt-text';

type Props = { photoId: number; timeZone: string };

/** One library photo: what its file says about it, and the caption and credit fields to correct. */
export function PhotoDetailsForm({ photoId, timeZone }: Props) {
  const { data, error, isPending } = useQuery({
    queryKey: photoKeys.detail(photoId),
    queryFn: () => apiFetch<PhotoDetail>(`/api/photos/${photoId}`, { method: 'GET' }),
  });
  if (isPending) return <p className="muted">Loading the photo…</p>;
  if (error) return <p className="notice notice--error">{error.message}</p>;
  return <PhotoDetailsEditor key={photoId} detail={data} timeZone={timeZone} />;
}

type Values = Record<PhotoField, string>;
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

const MULTILINE: Partial<Record<PhotoField, number>> = { caption: 4, altText: 3 };

const valuesOf = (photo: PhotoView): Values =>
  Object.fromEntries(PHOTO_FIELDS.map((field) => [field, photo[field]])) as Values;
const sameValues = (a: Values, b: Values) => PHOTO_FIELDS.every((field) => a[field] === b[field]);

function PhotoDetailsEditor({ detail, timeZone }: { detail: PhotoDetail; timeZone: string }) {
  const queryClient = useQueryClient();
  const creditId = useId();
  // The version the person is editing; a save based on an older one is refused by the server.
  const [base, setBase] = useState<PhotoView>(detail);
  const [values, setValues] = useState<Values>(() => valuesOf(detail));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [theirs, setTheirs] = useState<PhotoView | null>(null);

  const edited = !sameValues(values, valuesOf(base));
  // A newer version fetched in the background replaces an untouched form; typed text is never replaced.
  if (detail.version > base.version && !edited && !theirs) {
    setBase(detail);
    setValues(valuesOf(detail));
  }

  const save = useMutation({
    mutationFn: (input: UpdatePhotoInput) => apiFetch<PhotoView>(`/api/photos/${base.id}`, { method: 'PUT', body: input }),
    onSuccess: (saved, input) => {
      setBase(saved);
      // The server trims what it stores; show that, unless the person went on typing meanwhile.
      setValues((current) => (sameValues(current, input) ? valuesOf(saved) : current));
      setFieldErrors({});
      setStatus({ kind: 'saved' });
      queryClient.setQueryData<PhotoDetail>(photoKeys.detail(saved.id), (old) => old && { ...old, ...saved });
      void queryClient.invalidateQueries({ queryKey: photoKeys.all });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) {
        setStatus({ kind: 'failed', message: 'Not saved: something went wrong. Try again.' });
      } else if (error.code === 'CONFLICT' && error.current) {
        setTheirs(error.current as PhotoView);
        setStatus({ kind: 'failed', message: 'Not saved: someone else saved this photo first.' });
        void queryClient.invalidateQueries({ queryKey: photoKeys.all });
      } else {
        setFieldErrors(error.fields);
        setStatus({ kind: 'failed', message: `Not saved: ${error.message}` });
      }
    },
  });

  function setField(field: PhotoField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  }

  function loadTheirs(photo: PhotoView) {
    setBase(photo);
    setValues(valuesOf(photo));
    setTheirs(null);
    setFieldErrors({});
    setStatus({ kind: 'idle' });
  }

  function keepMine(photo: PhotoView) {
    setBase(photo);
    setTheirs(null);
    setStatus({ kind: 'idle' });
  }

  /** Only while the value is still the one read from the file: an edited field is the person's own. */
  function fromFile(field: PhotoField): string | undefined {
    const tag = base.prefilledFrom[field];
    return tag && values[field] === base[field] ? `From the file: ${tag}` : undefined;
  }

  const credit = creditLine(values);
  const image = responsiveImage(base);
  const metadata = JSON.stringify(detail.fileMetadata, null, 2);

  const field = (name: PhotoField) => (
    <FormField
      label={PHOTO_FIELD_LABELS[name]}
      name={name}
      value={values[name]}
      onChange={setField}
      errors={fieldErrors[name]}
      hint={fromFile(name)}
      multiline={name in MULTILINE}
      rows={MULTILINE[name]}
    />
  );

  return (
    <form
      className="photo-details"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setStatus({ kind: 'saving' });
        save.mutate({ ...values, version: base.version });
      }}
    >
      <figure className="photo-details__preview">
        {/* eslint-disable-next-line @next/next/no-img-element -- renditions are already sized and re-encoded by sharp; the image optimizer would only redo it */}
        <img
          srcSet={image.srcSet}
          sizes="(max-width: 900px) 100vw, 26rem"
          src={image.fallbackSrc}
          width={image.width}
          height={image.height}
          alt={photoAltText(base)}
        />
      </figure>

      <dl className="photo-facts">
        <dt>File</dt>
        <dd className="photo-facts__name">{base.originalName}</dd>
        <dt>Size</dt>
        <dd>
          {base.width.toLocaleString('en-GB')} × {base.height.toLocaleString('en-GB')} px · {PHOTO_TYPES[base.mime]} ·{' '}
          {formatFileSize(base.sizeBytes)}
        </dd>
        <dt>Taken</dt>
        <dd>
          {base.takenAt ? (
            <>
              <time dateTime={base.takenAt}>{formatDeskTime(base.takenAt, timeZone)}</time>
              {base.prefilledFrom.takenAt && <span className="photo-facts__source"> (from the file: {base.prefilledFrom.takenAt})</span>}
            </>
          ) : (
            'Not in the file'
          )}
        </dd>
        <dt>Uploaded</dt>
        <dd>
          <time dateTime={base.createdAt}>{formatDeskTime(base.createdAt, timeZone)}</time> by {base.uploadedByName}
        </dd>
      </dl>

      {theirs && (
        <div className="notice notice--warn">
          <p>
            <strong>Someone saved this photo after you opened it.</strong> Your changes have not been saved. Their version
            differs from yours here:
          </p>
          <dl className="photo-conflict">
            {PHOTO_FIELDS.filter((name) => theirs[name] !== values[name]).map((name) => (
              <div key={name}>
                <dt>{PHOTO_FIELD_LABELS[name]}</dt>
                <dd>{theirs[name] || '(empty)'}</dd>
              </div>
            ))}
          </dl>
          <div className="notice__actions">
            <button type="button" className="button" onClick={() => loadTheirs(theirs)}>
              Load their version
            </button>
            <button type="button" className="button button--quiet" onClick={() => keepMine(theirs)}>
              Keep my changes
            </button>
          </div>
          <p className="field__hint">Keep my changes, then Save, replaces their values with yours.</p>
        </div>
      )}

      {field('caption')}
      {field('photographer')}
      {field('agency')}
      <div className="field">
        <label htmlFor={creditId}>Credit line</label>
        <output id={creditId} htmlFor="agency photographer" className={credit ? 'credit-preview' : 'credit-preview credit-preview--missing'}>
          {credit || 'No credit yet — this photo cannot be published'}
        </output>
      </div>
      {field('copyrightNotice')}
      {base.usageTerms && (
        <div className="field">
          <span className="field__label">Usage terms (from the agency)</span>
          <p className="photo-usage-terms">{base.usageTerms}</p>
        </div>
      )}
      {field('altText')}
      {field('rightsUrl')}

      <div className="editor__actions">
        <button type="submit" className="button" disabled={save.isPending || theirs !== null}>
          Save
        </button>
        <span className="save-status" role="status">
          {statusText(status, edited)}
        </span>
      </div>

      <details className="photo-metadata">
        <summary>Metadata read from the file</summary>
        {metadata === '{}' ? (
          <p className="muted">The file carried no metadata Dateline reads.</p>
        ) : (
          // Focusable so the scrolling block can be read with the keyboard alone.
          <pre tabIndex={0}>{metadata}</pre>
        )}
      </details>
    </form>
  );
}

function statusText(status: Status, edited: boolean): string {
  switch (status.kind) {
    case 'idle':
      return edited ? 'Unsaved changes' : '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return status.message;
  }
}
