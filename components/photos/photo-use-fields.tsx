'use client';

import { useId } from 'react';
import type { PhotoCard } from '@/lib/photos/photo-use';

type Props = {
  card: PhotoCard | undefined;
  caption: string | null;
  credit: string | null;
  onChange: (overrides: { caption: string | null; credit: string | null }) => void;
  readOnly?: boolean;
  errors?: string[];
};

/**
 * This article's own caption and credit for a library photo. Empty means the library's, which
 * shows as the placeholder; the library photo itself never changes from here.
 */
export function PhotoUseFields({ card, caption, credit, onChange, readOnly, errors }: Props) {
  const id = useId();
  const hint = `${id}-hint`;
  return (
    <div className="photo-use-fields">
      <p id={hint} className="field__hint">
        Leave empty to use the library’s caption and credit.
      </p>
      <div className="field">
        <label htmlFor={`${id}-caption`}>Caption in this article</label>
        <textarea
          id={`${id}-caption`}
          rows={2}
          value={caption ?? ''}
          placeholder={card?.caption || 'No caption in the library'}
          readOnly={readOnly}
          aria-describedby={hint}
          onChange={(event) => onChange({ caption: event.target.value || null, credit })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-credit`}>Credit in this article</label>
        <input
          id={`${id}-credit`}
          type="text"
          value={credit ?? ''}
          placeholder={card?.creditLine || 'No credit in the library'}
          readOnly={readOnly}
          aria-describedby={hint}
          onChange={(event) => onChange({ caption, credit: event.target.value || null })}
        />
      </div>
      {errors && errors.length > 0 && <p className="field__error">{errors.join(' ')}</p>}
    </div>
  );
}
