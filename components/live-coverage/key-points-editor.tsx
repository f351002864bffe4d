'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { LabelledField } from '@/components/ui/labelled-field';
import { ApiError, apiFetch } from '@/lib/api-client';
import { formatClock } from '@/lib/desk-time';
import { KEY_POINT_MAX_LENGTH, KEY_POINTS_MAX, type KeyPointsInput } from '@/lib/validation/live-coverage';

type Props = {
  articleId: number;
  /** The points as the server has them now. */
  keyPoints: string[];
  mayEdit: boolean;
  timeZone: string;
  /** The points the server now holds, saved here or found newer on a refusal. */
  onSaved: (keyPoints: string[]) => void;
};

const samePoints = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((point, index) => point === b[index]);
const fieldsFor = (points: readonly string[]) => (points.length > 0 ? [...points] : ['']);

/**
 * The summary at the top of the live page: one field per point. A save is based on the points
 * this editor started from, so one made over someone else's newer points is refused: theirs are
 * shown, these stay in the fields, and Save again replaces theirs knowingly.
 */
export function KeyPointsEditor({ articleId, keyPoints, mayEdit, timeZone, onSaved }: Props) {
  const [points, setPoints] = useState(() => fieldsFor(keyPoints));
  const [basedOn, setBasedOn] = useState(keyPoints);
  const [edited, setEdited] = useState(false);
  const [theirs, setTheirs] = useState<{ points: string[]; message: string } | null>(null);
  const [outcome, setOutcome] = useState('');
  // The field to move to once it is drawn: a new point's, or the one after a removed point.
  const focusNext = useRef<number | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  // Untouched, the fields follow the points as the desk reads them again (someone else's save).
  if (!edited && !samePoints(basedOn, keyPoints)) {
    setBasedOn(keyPoints);
    setPoints(fieldsFor(keyPoints));
  }

  useEffect(() => {
    if (focusNext.current === null) return;
    inputs.current[focusNext.current]?.focus();
    focusNext.current = null;
  });

  const save = useMutation({
    mutationFn: (input: KeyPointsInput) => apiFetch<{ keyPoints: string[] }>(`/api/articles/${articleId}/live/key-points`, { method: 'PUT', body: input }),
    onSuccess: ({ keyPoints: saved }) => {
      setBasedOn(saved);
      setPoints(fieldsFor(saved));
      setEdited(false);
      setTheirs(null);
      setOutcome(`Key points saved at ${formatClock(new Date(), timeZone)}.`);
      onSaved(saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !Array.isArray(error.current)) return;
      const current = error.current as string[];
      setTheirs({ points: current, message: error.message });
      setBasedOn(current);
      onSaved(current);
    },
  });

  function change(next: string[]) {
    setPoints(next);
    setEdited(true);
    setOutcome('');
  }

  if (!mayEdit) {
    return keyPoints.length === 0 ? (
      <p className="empty">No key points yet.</p>
    ) : (
      <ul className="key-points">
        {keyPoints.map((point, index) => (
          <li key={index}>{point}</li>
        ))}
      </ul>
    );
  }

  const error = save.error instanceof ApiError && save.error.code !== 'CONFLICT' ? save.error : null;
  const listErrors = error ? [...(error.fields.keyPoints ?? []), ...(error.fields.basedOn ?? [])] : [];
  return (
    <form
      className="key-points-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setOutcome('');
        save.mutate({ keyPoints: points, basedOn });
      }}
    >
      {theirs && (
        <div className="notice notice--warn" role="alert">
          <p>
            <strong>{theirs.message}</strong>
          </p>
          <p>The key points now:</p>
          {theirs.points.length > 0 ? (
            <ul>
              {theirs.points.map((point, index) => (
                <li key={index}>{point}</li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
          <p>Yours are still in the fields: Save key points to put them in place of these.</p>
        </div>
      )}
      <ol className="key-points-editor__list">
        {points.map((point, index) => {
          const id = `key-point-${index + 1}`;
          const tooLong = error !== null && point.trim().length > KEY_POINT_MAX_LENGTH;
          return (
            <li key={index} className="key-points-editor__point">
              <LabelledField id={id} label={`Key point ${index + 1}`} errors={tooLong ? [`At most ${KEY_POINT_MAX_LENGTH} characters`] : undefined}>
                {(description) => (
                  <input
                    ref={(element) => {
                      inputs.current[index] = element;
                    }}
                    id={id}
                    type="text"
                    value={point}
                    {...description}
                    onChange={(event) => change(points.map((other, at) => (at === index ? event.target.value : other)))}
                  />
                )}
              </LabelledField>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove key point ${index + 1}`}
                onClick={() => {
                  change(points.length === 1 ? [''] : points.filter((_, at) => at !== index));
                  focusNext.current = Math.max(0, Math.min(index, points.length - 2));
                }}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      {listErrors.length > 0 && <p className="field__error">{listErrors.join(' ')}</p>}
      {error && listErrors.length === 0 && (
        <p className="notice notice--error" role="alert">
          Not saved: {error.message}
        </p>
      )}
      <div className="editor__actions">
        <button
          type="button"
          className="button button--quiet"
          disabled={points.length >= KEY_POINTS_MAX}
          onClick={() => {
            change([...points, '']);
            focusNext.current = points.length;
          }}
        >
          Add key point
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save key points'}
        </button>
        <span className="save-status" aria-live="polite">
          {outcome}
        </span>
      </div>
    </form>
  );
}
