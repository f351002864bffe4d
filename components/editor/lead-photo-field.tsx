'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { PhotoFigure } from '@/components/photos/photo-figure';
import { PhotoUseFields } from '@/components/photos/photo-use-fields';
import type { LeadPhoto } from '@/lib/photos/photo-use';
import type { PhotoView } from '@/lib/photos/photo-view';
import { LEAD_PHOTO_SIZES } from '@/lib/photos/renditions';
import { usePhotoCard } from './photo-cards';

// The library browser and uploader load when the dialog first opens, not with the editing screen.
const PhotoPickerDialog = dynamic(() => import('@/components/photos/photo-picker-dialog').then((module) => module.PhotoPickerDialog), {
  ssr: false,
});

type Props = {
  value: LeadPhoto | null;
  onChange: (lead: LeadPhoto | null) => void;
  /** A photo chosen from the library, for the editor to know how to show it. */
  onPhotoChosen: (photo: PhotoView) => void;
  readOnly: boolean;
  errors?: string[];
};

/** The article's lead photo: chosen from the library, shown as readers will see it, with this article's own caption and credit. */
export function LeadPhotoField({ value, onChange, onPhotoChosen, readOnly, errors }: Props) {
  const [picking, setPicking] = useState(false);
  const card = usePhotoCard(value?.photoId ?? 0);

  return (
    <fieldset className="field lead-photo">
      <legend className="field__label">Lead photo</legend>
      {value ? (
        <>
          <PhotoFigure photoId={value.photoId} card={card} use={value} sizes={LEAD_PHOTO_SIZES} eager />
          <PhotoUseFields
            card={card}
            caption={value.caption}
            credit={value.credit}
            readOnly={readOnly}
            onChange={(overrides) => onChange({ ...value, ...overrides })}
          />
        </>
      ) : (
        <p className="field__hint">No lead photo yet.</p>
      )}
      {errors && errors.length > 0 && <p className="field__error">{errors.join(' ')}</p>}
      {!readOnly && (
        <div className="lead-photo__actions">
          <button type="button" className="button button--quiet" onClick={() => setPicking(true)}>
            {value ? 'Change lead photo' : 'Choose lead photo'}
          </button>
          {value && (
            <button type="button" className="button button--quiet" onClick={() => onChange(null)}>
              Remove lead photo
            </button>
          )}
        </div>
      )}
      {picking && (
        <PhotoPickerDialog
          title="Choose the lead photo"
          onClose={() => setPicking(false)}
          onChoose={(photo) => {
            onPhotoChosen(photo);
            onChange({ photoId: photo.id, caption: null, credit: null });
            setPicking(false);
          }}
        />
      )}
    </fieldset>
  );
}
