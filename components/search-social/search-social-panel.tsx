'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { memo, useId, useState } from 'react';
import { FormField } from '@/components/editor/form-field';
import { ApiError, apiFetch } from '@/lib/api-client';
import { photoCardOf } from '@/lib/photos/photo-use';
import { thumbnailUrl } from '@/lib/photos/renditions';
import { searchSocialKeys } from '@/lib/query-keys';
import {
  META_DESCRIPTION_MAX,
  NO_SEARCH_SOCIAL,
  type SaveSearchSocialInput,
  SEO_TITLE_MAX,
  SOCIAL_HEADLINE_MAX,
  type SearchSocialView,
} from '@/lib/search-social/search-social';

const PhotoPickerDialog = dynamic(() => import('@/components/photos/photo-picker-dialog').then((module) => module.PhotoPickerDialog), {
  ssr: false,
});

/** The story's search and social fields as the server holds them; the editor's checklist reads the same query. */
export function useSearchSocial(articleId: number) {
  return useQuery({
    queryKey: searchSocialKeys.detail(articleId),
    queryFn: () => apiFetch<SearchSocialView>(`/api/articles/${articleId}/search-social`, { method: 'GET' }),
  });
}

const count = (value: string, max: number, fallback: string) => `${value.trim().length} / ${max} characters. Empty: ${fallback}.`;

/**
 * What search engines and social networks show of the story, when it should differ from its
 * headline, standfirst and lead photo (docs/decisions/028). Saved on its own, with its own button:
 * presentation, not text, so it is not part of the shared document or of the revisions. Its labels
 * and buttons say no "Headline" and no "Save": those are the editor's own, and whoever looks for
 * them on the screen must find one.
 */
export const SearchSocialPanel = memo(function SearchSocialPanel({ articleId, readOnly }: { articleId: number; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const stored = useSearchSocial(articleId);
  // This person's changes not saved yet; until they make one, the fields show what is stored.
  const [edits, setEdits] = useState<SearchSocialView | null>(null);
  const [picking, setPicking] = useState(false);
  const draft = edits ?? stored.data ?? NO_SEARCH_SOCIAL;
  const dirty = edits !== null;

  const save = useMutation({
    mutationFn: () => {
      const { socialPhoto, ...texts } = draft;
      const body: SaveSearchSocialInput = { ...texts, socialPhotoId: socialPhoto?.id ?? null };
      return apiFetch<SearchSocialView>(`/api/articles/${articleId}/search-social`, { method: 'PUT', body });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(searchSocialKeys.detail(articleId), saved);
      setEdits(null);
    },
  });
  const change = (changes: Partial<SearchSocialView>) => {
    setEdits({ ...draft, ...changes });
    save.reset();
  };
  const errors = save.error instanceof ApiError ? save.error.fields : {};
  const photo = draft.socialPhoto;

  return (
    <section className="card search-social" aria-labelledby={titleId}>
      <h2 id={titleId}>Search and social</h2>
      <p className="field__hint">How search engines and social networks show the story. Saved on its own; on a live story, public at once.</p>
      <FormField
        label="SEO title" name="seoTitle" value={draft.seoTitle} readOnly={readOnly} errors={errors.seoTitle}
        hint={count(draft.seoTitle, SEO_TITLE_MAX, 'the headline')} onChange={(_, seoTitle) => change({ seoTitle })}
      />
      <FormField
        label="Meta description" name="metaDescription" multiline rows={2} value={draft.metaDescription} readOnly={readOnly} errors={errors.metaDescription}
        hint={count(draft.metaDescription, META_DESCRIPTION_MAX, 'the standfirst')} onChange={(_, metaDescription) => change({ metaDescription })}
      />
      <FormField
        label="Title on social cards" name="socialHeadline" value={draft.socialHeadline} readOnly={readOnly} errors={errors.socialHeadline}
        hint={count(draft.socialHeadline, SOCIAL_HEADLINE_MAX, 'the SEO title, else the headline')} onChange={(_, socialHeadline) => change({ socialHeadline })}
      />
      <fieldset className="field search-social__photo">
        <legend className="field__label">Social image</legend>
        {photo ? (
          <p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized */}
            <img src={thumbnailUrl(photo)} alt={photo.altText || photo.caption} width={160} />
            <span>
              {photo.originalName} · {photo.creditLine || 'no credit'}
            </span>
          </p>
        ) : (
          <p className="field__hint">None chosen: the lead photo is shown, cropped to 1200 × 630.</p>
        )}
        {errors.socialPhotoId && <p className="field__error">{errors.socialPhotoId.join(' ')}</p>}
        {!readOnly && (
          <div className="lead-photo__actions">
            <button type="button" className="button button--quiet" onClick={() => setPicking(true)}>
              {photo ? 'Change social image' : 'Choose social image'}
            </button>
            {photo && (
              <button type="button" className="button button--quiet" onClick={() => change({ socialPhoto: null })}>
                Remove social image
              </button>
            )}
          </div>
        )}
      </fieldset>
      {picking && (
        <PhotoPickerDialog
          title="Choose the social image"
          onClose={() => setPicking(false)}
          onChoose={(chosen) => {
            change({ socialPhoto: photoCardOf(chosen) });
            setPicking(false);
          }}
        />
      )}
      {!readOnly && (
        <div className="editor__actions">
          <button type="button" className="button" disabled={!dirty || save.isPending} onClick={() => save.mutate()}>
            Apply search and social
          </button>
          <p aria-live="polite">{save.isSuccess ? 'Search and social fields saved.' : dirty ? 'Not saved yet.' : ''}</p>
        </div>
      )}
      {save.error && !(save.error instanceof ApiError && Object.keys(save.error.fields).length > 0) && (
        <p className="notice notice--error" role="alert" aria-label="Search and social problem">
          {save.error.message}
        </p>
      )}
    </section>
  );
});
