'use client';

import type { Editor } from '@tiptap/core';
import { useQueries } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useCallback, useMemo, useState } from 'react';
import { AuthorsField } from '@/components/editor/filing-fields';
import { FormField } from '@/components/editor/form-field';
import { PhotoCardsContext } from '@/components/editor/photo-cards';
import { apiFetch } from '@/lib/api-client';
import type { FieldErrors } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import type { FilingName } from '@/lib/filing';
import { bodyPhotoUses, type PhotoCard, photoCardOf } from '@/lib/photos/photo-use';
import type { PhotoDetail, PhotoView } from '@/lib/photos/photo-view';
import { photoKeys } from '@/lib/query-keys';
import { ENTRY_AUTHORS_MAX } from '@/lib/validation/live-coverage';

// The rich editor is most of the page's JavaScript: the desk shows without it, and it arrives right after.
const BodyEditor = dynamic(() => import('@/components/editor/body-editor').then((module) => module.BodyEditor), {
  ssr: false,
  loading: () => (
    <div className="field">
      <div className="body-editor body-editor--readonly body-editor__content" aria-busy="true">
        Loading the editor…
      </div>
    </div>
  ),
});

/** An entry's text as a form holds it: the body lives in the editor, read when it is sent. */
export type EntryText = { headline: string; authors: FilingName[] };

type Props = {
  /** Prefixes the fields' ids: a page shows the composer and an entry being edited at once. */
  id: string;
  bodyLabel: string;
  text: EntryText;
  onText: (text: EntryText) => void;
  authorChoices: FilingName[];
  /** The body the editor starts from; a new `editorKey` starts it again from a new one. */
  initialBody: BodyDoc;
  editorKey: number;
  editable: boolean;
  errors: FieldErrors;
  /** Photos the entry's body already shows, as the server sent them. */
  photos?: Record<number, PhotoCard>;
  onBodyReady: (editor: Editor) => void;
  onBodyChange: (editor: Editor) => void;
  onBodyBlur?: () => void;
  onSubmitShortcut: () => void;
};

/**
 * An entry's fields, for the composer and for editing a posted entry: an optional headline, the
 * body in the article editor (toolbar, links, quotes, photos with their caption and credit), and
 * the author profiles it credits.
 */
export function EntryFields({ id, bodyLabel, text, onText, authorChoices, initialBody, editorKey, editable, errors, photos, ...body }: Props) {
  const photoCards = usePhotoCards(initialBody, photos);
  return (
    <PhotoCardsContext value={photoCards.cards}>
      <FormField
        label="Headline"
        hint="Optional"
        name={`${id}-headline`}
        value={text.headline}
        readOnly={!editable}
        errors={errors.headline}
        onChange={(_, headline) => onText({ ...text, headline })}
      />
      <BodyEditor
        key={editorKey}
        field={{ id: `${id}-body`, label: bodyLabel }}
        initialBody={initialBody}
        editable={editable}
        errors={errors.body}
        onReady={body.onBodyReady}
        onChange={body.onBodyChange}
        onBlur={body.onBodyBlur ?? noop}
        onPhotoChosen={photoCards.add}
        onSubmitShortcut={body.onSubmitShortcut}
      />
      <AuthorsField
        authors={text.authors}
        choices={authorChoices}
        onChange={(authors) => onText({ ...text, authors })}
        readOnly={!editable}
        errors={errors.authorIds}
        max={ENTRY_AUTHORS_MAX}
      />
    </PhotoCardsContext>
  );
}

const noop = () => {};
const NO_PHOTOS: Record<number, PhotoCard> = {};

/**
 * The library photos the editor shows: those the server sent, those chosen since, and those of a
 * body restored from a draft, which the draft does not carry, read from the library.
 */
function usePhotoCards(body: BodyDoc, known: Record<number, PhotoCard> = NO_PHOTOS) {
  const [chosen, setChosen] = useState<Record<number, PhotoCard>>({});
  const missing = useMemo(
    () => [...new Set(bodyPhotoUses(body).map((use) => use.photoId))].filter((photoId) => !known[photoId]),
    [body, known],
  );
  const read = useQueries({
    queries: missing.map((photoId) => ({
      queryKey: photoKeys.detail(photoId),
      queryFn: () => apiFetch<PhotoDetail>(`/api/photos/${photoId}`, { method: 'GET' }),
    })),
    combine: (results) => results.flatMap((result) => (result.data ? [result.data] : [])),
  });
  // One object while nothing changes: every photo in the editor re-renders when it does.
  const cards = useMemo(() => {
    const all: Record<number, PhotoCard> = { ...known, ...chosen };
    for (const photo of read) all[photo.id] = photoCardOf(photo);
    return all;
  }, [known, chosen, read]);
  const add = useCallback((photo: PhotoView) => setChosen((cards) => ({ ...cards, [photo.id]: photoCardOf(photo) })), []);
  return { cards, add };
}
