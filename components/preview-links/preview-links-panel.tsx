'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useId, useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { formatDeskTime } from '@/lib/desk-time';
import {
  type CreatedPreviewLink,
  type CreatePreviewLinkInput,
  DEFAULT_PREVIEW_LINK_HOURS,
  PREVIEW_LINK_HOURS,
  PREVIEW_LINK_HOURS_LABELS,
  type PreviewLinkView,
} from '@/lib/preview-links/preview-link';
import { previewLinkKeys } from '@/lib/query-keys';

type Props = {
  articleId: number;
  timeZone: string;
  /** Stores and folds everything typed on this screen, so a link to "this version" shows it. */
  settle: () => Promise<unknown>;
};

/**
 * Preview links for someone without an account (docs/decisions/027): make one, copy it, see who
 * made each and when it was last opened, revoke it. A link's address is shown once, when it is made:
 * only its hash is kept.
 *
 * Memoised: the editor around it re-renders for its own changes (a save status, a word count).
 */
export const PreviewLinksPanel = memo(function PreviewLinksPanel({ articleId, timeZone, settle }: Props) {
  const queryClient = useQueryClient();
  const ids = { title: useId(), shows: useId(), hours: useId(), link: useId() };
  const queryKey = previewLinkKeys.list(articleId);
  const url = `/api/articles/${articleId}/preview-links`;
  const links = useQuery({ queryKey, queryFn: () => apiFetch<PreviewLinkView[]>(url, { method: 'GET' }) });

  const [shows, setShows] = useState<CreatePreviewLinkInput['shows']>('version');
  const [hours, setHours] = useState<CreatePreviewLinkInput['hours']>(DEFAULT_PREVIEW_LINK_HOURS);
  const [address, setAddress] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const create = useMutation({
    mutationFn: async () => {
      if (shows === 'version') await settle();
      return apiFetch<CreatedPreviewLink>(url, { method: 'POST', body: { shows, hours } satisfies CreatePreviewLinkInput });
    },
    onSuccess: ({ path }) => {
      setAddress(new URL(path, window.location.origin).href);
      setCopied(false);
      void queryClient.invalidateQueries({ queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: number) => apiFetch<PreviewLinkView[]>(`${url}/${linkId}/revoke`, { method: 'POST' }),
    onSuccess: (list) => queryClient.setQueryData(queryKey, list),
  });

  const when = (iso: string) => <time dateTime={iso}>{formatDeskTime(iso, timeZone)}</time>;

  return (
    <section className="preview-links" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Preview links</h2>
      <p>Show this story before it runs to someone without an account.</p>
      <fieldset className="preview-links__shows">
        <legend>The link shows</legend>
        <label>
          <input type="radio" name={ids.shows} checked={shows === 'version'} onChange={() => setShows('version')} /> This version
        </label>
        <label>
          <input type="radio" name={ids.shows} checked={shows === 'latest'} onChange={() => setShows('latest')} /> Always the latest working copy
        </label>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={ids.hours}>
          Works for
        </label>
        <select id={ids.hours} value={hours} onChange={(event) => setHours(Number(event.target.value) as CreatePreviewLinkInput['hours'])}>
          {PREVIEW_LINK_HOURS.map((choice) => (
            <option key={choice} value={choice}>
              {PREVIEW_LINK_HOURS_LABELS[choice]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--quiet" disabled={create.isPending} onClick={() => create.mutate()}>
        Create preview link
      </button>
      {create.error && (
        <p className="notice notice--error" role="alert" aria-label="Preview link problem">
          {create.error.message}
        </p>
      )}
      {address && (
        <div className="field preview-links__made">
          <label className="field__label" htmlFor={ids.link}>
            Preview link
          </label>
          <input id={ids.link} type="text" readOnly value={address} onFocus={(event) => event.target.select()} />
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              void navigator.clipboard.writeText(address).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Copy
          </button>
          {/* Not a status role: the editor's save status is the screen's one status. */}
          <p aria-live="polite">{copied ? 'Copied.' : 'Copy it now: it is not shown again.'}</p>
        </div>
      )}
      {links.data && links.data.length > 0 && (
        <ul className="preview-links__list" aria-label="Preview links made">
          {links.data.map((link) => {
            const describedBy = `${ids.title}-link-${link.id}`;
            const ended = link.revokedAt !== null ? 'Revoked' : Date.parse(link.expiresAt) <= Date.now() ? 'Expired' : null;
            return (
              <li key={link.id}>
                <p id={describedBy}>
                  {link.revisionNumber === null ? 'Latest working copy' : `Version ${link.revisionNumber}`}, made by {link.createdByName} at {when(link.createdAt)}.{' '}
                  {link.revokedAt !== null ? <>Revoked at {when(link.revokedAt)}.</> : <>Expires {when(link.expiresAt)}.</>}{' '}
                  {link.lastOpenedAt ? <>Last opened {when(link.lastOpenedAt)}.</> : 'Not opened yet.'}
                </p>
                {ended ? (
                  <span className="badge badge--draft">{ended}</span>
                ) : (
                  <button type="button" className="button button--quiet" aria-describedby={describedBy} disabled={revoke.isPending} onClick={() => revoke.mutate(link.id)}>
                    Revoke
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {revoke.error && (
        <p className="notice notice--error" role="alert" aria-label="Revoke problem">
          {revoke.error.message}
        </p>
      )}
    </section>
  );
});
