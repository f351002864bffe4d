'use client';

import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { PhotoFigure } from '@/components/photos/photo-figure';
import { PhotoUseFields } from '@/components/photos/photo-use-fields';
import { removePhotoAt } from '@/lib/editor/photo-guard';
import { BODY_PHOTO_SIZES } from '@/lib/photos/renditions';
import { usePhotoCard } from './photo-cards';

/**
 * A photo in the body as the editor shows it: the same figure the public page prints, and, while
 * editing, this article's own caption and credit and a way to take the photo out.
 */
export function PhotoNodeView({ node, updateAttributes, getPos, editor, selected }: ReactNodeViewProps) {
  const photoId = node.attrs.photoId as number;
  const caption = (node.attrs.caption as string | null) ?? null;
  const credit = (node.attrs.credit as string | null) ?? null;
  const card = usePhotoCard(photoId);
  const [editing, setEditing] = useState(false);
  const name = card?.originalName || `photo ${photoId}`;

  return (
    <NodeViewWrapper className={`body-photo${selected ? ' body-photo--selected' : ''}`} data-drag-handle="">
      <PhotoFigure photoId={photoId} card={card} use={{ caption, credit }} sizes={BODY_PHOTO_SIZES} />
      {editor.isEditable && (
        <div className="body-photo__tools" contentEditable={false}>
          <button type="button" className="button button--quiet" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            Caption and credit for “{name}”
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              const pos = getPos();
              if (pos !== undefined) removePhotoAt(pos)(editor.state, editor.view.dispatch);
            }}
          >
            Remove “{name}”
          </button>
          {editing && (
            <PhotoUseFields card={card} caption={caption} credit={credit} onChange={(overrides) => updateAttributes(overrides)} />
          )}
        </div>
      )}
    </NodeViewWrapper>
  );
}
