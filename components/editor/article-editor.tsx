'use client';

import type { Editor } from '@tiptap/core';
import { useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { type FormEvent, type KeyboardEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { PeopleInArticle } from '@/components/co-editing/people-in-article';
import { clearSharedCopy, mergeSharedCopy, readSharedCopy, type SharedCopy, writeSharedCopy } from '@/components/co-editing/shared-copy';
import { useSharedArticle } from '@/components/co-editing/use-shared-article';
import { useSharedFields } from '@/components/co-editing/use-shared-fields';
import { CommentPanel } from '@/components/comments/comment-panel';
import { StatusBadge } from '@/components/desk/status-badge';
import { LiveStoryControl } from '@/components/live-coverage/live-story-control';
import { PreviewLinksPanel } from '@/components/preview-links/preview-links-panel';
import { HistoryPanel } from '@/components/revisions/history-panel';
import { SearchSocialPanel, useSearchSocial } from '@/components/search-social/search-social-panel';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { FieldErrors } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import { type ArticleDraft, fieldsOf } from '@/lib/article-draft';
import type { ArticleView } from '@/lib/article-view';
import { collaboratorColour } from '@/lib/co-editing/collaborator-colour';
import type { SharedNotice } from '@/lib/co-editing/shared-notice';
import { sharedSaveStatus } from '@/lib/co-editing/shared-save-status';
import { bylineAfterCredit, type FilingChoices, type FilingDraft, filingDraftOf, filingSaved } from '@/lib/filing';
import { revisionKeys } from '@/lib/query-keys';
import { formatDeskTime } from '@/lib/desk-time';
import { bodyPlainText, countWords, readingMinutes } from '@/lib/editor/body-text';
import { saveStatusText } from '@/lib/editor/save-status';
import { HEADLINE_ADVISED, HEADLINE_MAX } from '@/lib/domain-constants';
import { bodyPhotoUses, leadPhotoUses, type PhotoCard } from '@/lib/photos/photo-use';
import { publishBlockersOf, publishRecommendationsOf } from '@/lib/publish-blockers';
import { NO_SEARCH_SOCIAL } from '@/lib/search-social/search-social';
import type { SessionUser } from '@/lib/session-user';
import { editRefusal } from '@/lib/article-edit-rules';
import { can } from '@/lib/permissions';
import type { PhotoView } from '@/lib/photos/photo-view';
import { FilingFields } from './filing-fields';
import { FormField } from './form-field';
import { LeadPhotoField } from './lead-photo-field';
import { PhotoCardsContext } from './photo-cards';
import { PublishChecklist } from './publish-checklist';
import { selectionAnchor } from './selection-anchor';
import { useKeepOnLeaving } from './use-keep-on-leaving';
import { type StepRequest, WorkflowPanel } from './workflow-panel';

/**
 * This device's copy is written this long after a change the server has not stored yet, not inside
 * the keystroke; hiding or leaving the page writes it at once.
 */
const COPY_DELAY_MS = 250;
/** How long after someone's last keystroke the others stop seeing "typing in …". */
const TYPING_SHOWN_MS = 3_000;

// Shown only now and then, with a word diff (jsdiff) each: their code loads when they are first shown.
const RestoreOffer = dynamic(() => import('./restore-offer').then((module) => module.RestoreOffer), { ssr: false });
const DeskChanges = dynamic(() => import('@/components/revisions/desk-changes').then((module) => module.DeskChanges));

const bodyLoading = (
  <div className="field">
    <span className="field__label">Body</span>
    <div className="body-editor body-editor--readonly body-editor__content" aria-busy="true">
      Loading the editor…
    </div>
  </div>
);

// The rich editor is most of the screen's JavaScript: the page shows and hydrates without it, and
// it arrives right after, bound to the shared document (the form's other fields work meanwhile).
const SharedBodyEditor = dynamic(() => import('@/components/co-editing/shared-body-editor').then((module) => module.SharedBodyEditor), {
  ssr: false,
  loading: () => bodyLoading,
});

type Restorable = { copy: SharedCopy; now: ArticleDraft; merged: ArticleDraft };

type Props = {
  article: ArticleView;
  viewer: Pick<SessionUser, 'id' | 'name' | 'role'>;
  timeZone: string;
  filingChoices: FilingChoices;
  /** A comment to bring into view: the link in a mention's email names it. */
  shownCommentId?: number;
  /** For a story made from wire copy: the agency's terms and news, above the fields (components/wire). */
  wireCopy?: ReactNode;
};

/** The label of the field a form event came from, as a person reads it ("Headline", "Body"). */
function fieldLabelOf(target: EventTarget | null): string | null {
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return target.labels?.[0]?.textContent ?? null;
  if (!(target instanceof Element)) return null;
  const labelledBy = target.closest('[role="textbox"][aria-labelledby]')?.getAttribute('aria-labelledby');
  return labelledBy ? (document.getElementById(labelledBy)?.textContent ?? null) : null;
}

/**
 * The drafting screen, shared by everyone who has the article open (decision 023): each person's
 * typing reaches the others as it happens and is stored by the server before it is acknowledged;
 * the server folds the shared text into the article's revisions on the autosave rhythm. Save makes
 * a revision at once, and a workflow step first waits until everything typed here is stored and
 * folded, so it acts on the merged text. Filing (section, tags, authors) is a whole value: the last
 * choice sent wins.
 */
export function ArticleEditor({ article, viewer, timeZone, filingChoices, shownCommentId, wireCopy }: Props) {
  const articleId = article.id;
  const [base, setBase] = useState(article);
  const baseRef = useRef(article);
  const [filing, setFilingState] = useState<FilingDraft>(() => filingDraftOf(article.filing));
  const filingRef = useRef(filing);
  const filingSends = useRef(0);
  const editorRef = useRef<Editor | null>(null);

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(0);
  const [storedAt, setStoredAt] = useState<string | null>(null);
  const [restore, setRestore] = useState<Restorable | null>(null);
  const [words, setWords] = useState(() => countWords(bodyPlainText(article.body)));
  const [bodyPhotos, setBodyPhotos] = useState(() => bodyPhotoUses(article.body));
  // Library photos the article shows: the server's for what it uses, plus any chosen since.
  const [photoCards, setPhotoCards] = useState<Record<number, PhotoCard>>(article.photos);

  const showFiling = useCallback((next: FilingDraft) => {
    filingRef.current = next;
    setFilingState(next);
  }, []);

  const queryClient = useQueryClient();
  const adoptServerState = useCallback(
    (view: ArticleView) => {
      // A new revision (a fold of the shared text, a save, a step) is a new line in the history.
      if (view.version !== baseRef.current.version) void queryClient.invalidateQueries({ queryKey: revisionKeys.history(articleId) });
      baseRef.current = view;
      setBase(view);
      setPhotoCards((cards) => ({ ...cards, ...view.photos }));
      // The filing as the server holds it, unless this screen is still sending its own choice.
      if (filingSends.current === 0) showFiling(filingDraftOf(view.filing));
    },
    [articleId, queryClient, showFiling],
  );

  const readArticleAgain = useCallback(() => {
    void apiFetch<ArticleView>(`/api/articles/${articleId}`, { method: 'GET' })
      .then(adoptServerState)
      .catch(() => undefined);
  }, [adoptServerState, articleId]);

  const onNotice = useCallback(
    (notice: SharedNotice) => {
      if (notice.kind === 'not-saved') {
        setProblem(notice.problem);
        setFieldErrors(notice.fields);
        return;
      }
      setProblem(null);
      setFieldErrors({});
      readArticleAgain();
    },
    [readArticleAgain],
  );

  const shared = useSharedArticle(articleId, { onNotice, onModeChange: readArticleAgain });
  const doc = shared.shared?.doc ?? null;
  const provider = shared.shared?.provider ?? null;
  const { fields, fieldsRef, setField: writeField, setLeadPhoto } = useSharedFields(doc, shared.loaded, fieldsOf(article));

  // Recomputed from the server's latest word on the article: a step (submit, say) can take it away.
  const readOnlyReason = editRefusal(viewer, base);
  const mayEdit = readOnlyReason === null && shared.mode !== 'read';
  const editable = mayEdit && shared.mode === 'edit' && shared.loaded && shared.refused === null && restore === null;

  // "Saved" is the moment the server has stored everything typed here (nothing to say before the first change).
  const typedHere = useRef(false);
  useEffect(() => {
    if (shared.loaded && !shared.unsynced && typedHere.current) setStoredAt(new Date().toISOString());
  }, [shared.loaded, shared.unsynced]);

  const addPhotoCard = useCallback((photo: PhotoView) => setPhotoCards((cards) => ({ ...cards, [photo.id]: photo })), []);

  /** Resolves once the server has stored every change made on this screen; refuses at once when it cannot. */
  const acknowledged = useCallback(async (): Promise<void> => {
    // Still opening: nothing can have been typed here yet (the fields are read-only until then).
    if (!shared.shared) return;
    const { provider } = shared.shared;
    if (!provider.hasUnsyncedChanges) return;
    if (!shared.shared.connected()) throw new ApiError(0, 'NETWORK', 'You are offline: your latest changes are kept here but not saved yet, so nothing was done.');
    await new Promise<void>((resolve) => {
      const settled = ({ number }: { number: number }) => {
        if (number > 0) return;
        provider.off('unsyncedChanges', settled);
        resolve();
      };
      provider.on('unsyncedChanges', settled);
    });
  }, [shared.shared]);

  /**
   * Folds the shared text into the working copy now (Save: a revision of its own), with this
   * screen's filing when it changed; answers the version a step then acts on.
   */
  const saveShared = useCallback(
    async (mode: 'save' | 'autosave', withFiling = false): Promise<ArticleView> => {
      setSending((count) => count + 1);
      try {
        await acknowledged();
        const view = await apiFetch<ArticleView>(`/api/articles/${articleId}/shared-save`, {
          method: 'POST',
          body: { mode, ...(withFiling ? { filing: filingSaved(filingRef.current) } : {}) },
        });
        adoptServerState(view);
        setFieldErrors({});
        setProblem(null);
        setStoredAt(new Date().toISOString());
        return view;
      } catch (error) {
        if (error instanceof ApiError) {
          setFieldErrors(error.fields);
          if (error.code !== 'UNAUTHENTICATED' && error.code !== 'NETWORK') setProblem(error.message);
        }
        throw error;
      } finally {
        setSending((count) => count - 1);
      }
    },
    [acknowledged, adoptServerState, articleId],
  );

  const saveNow = useCallback(() => void saveShared('save').catch(() => undefined), [saveShared]);

  // --- This device's copy of what the server has not stored yet -------------------------------
  const copyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const writeCopyNow = useCallback(() => {
    clearTimeout(copyTimer.current);
    copyTimer.current = undefined;
    if (doc && provider?.hasUnsyncedChanges) writeSharedCopy(articleId, doc);
  }, [articleId, doc, provider]);
  useEffect(() => {
    if (!shared.loaded) return;
    if (shared.unsynced) copyTimer.current ??= setTimeout(writeCopyNow, COPY_DELAY_MS);
    else if (restore === null) clearSharedCopy(articleId);
  }, [articleId, restore, shared.loaded, shared.unsynced, writeCopyNow]);
  const unsaved = useCallback(() => provider?.hasUnsyncedChanges === true, [provider]);
  const nothingToSend = useCallback(() => undefined, []);
  // Every change is sent as it is made: leaving needs only the copy, and the warning while one is unstored.
  useKeepOnLeaving({ writeCopy: writeCopyNow, saveNow: nothingToSend, unsaved });

  // A copy left by an earlier visit is offered back once the document is here, never applied silently.
  const offeredCopy = useRef(false);
  useEffect(() => {
    if (!doc || !shared.loaded || offeredCopy.current) return;
    offeredCopy.current = true;
    void readSharedCopy(articleId).then(async (copy) => {
      if (!copy) return;
      const { whatTheCopyAdds } = await import('@/components/co-editing/what-the-copy-adds');
      const adds = whatTheCopyAdds(doc, copy);
      if (adds) setRestore({ copy, ...adds });
      else clearSharedCopy(articleId);
    });
  }, [articleId, doc, shared.loaded]);

  // --- Presence: which field this person is typing in -----------------------------------------
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingIn = useRef<string | null>(null);
  const announceTyping = useCallback(
    (label: string | null) => {
      const announce = (next: string | null) => {
        if (next === typingIn.current) return;
        typingIn.current = next;
        provider?.setAwarenessField('typingIn', next);
      };
      clearTimeout(typingTimer.current);
      if (label) typingTimer.current = setTimeout(() => announce(null), TYPING_SHOWN_MS);
      announce(label);
    },
    [provider],
  );
  function onInput(event: FormEvent) {
    typedHere.current = true;
    announceTyping(fieldLabelOf(event.target));
  }

  // --- Editing --------------------------------------------------------------------------------
  const wordTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onBodyChange = useCallback((editor: Editor) => {
    clearTimeout(wordTimer.current);
    wordTimer.current = setTimeout(() => {
      const body = editor.getJSON() as BodyDoc;
      setWords(countWords(bodyPlainText(body)));
      setBodyPhotos(bodyPhotoUses(body));
    }, 300);
  }, []);

  const setFiling = useCallback(
    (next: FilingDraft) => {
      const byline = bylineAfterCredit(fieldsRef.current.byline, filingRef.current.authors, next.authors, baseRef.current.authorName);
      if (byline !== fieldsRef.current.byline) writeField('byline', byline);
      showFiling(next);
      filingSends.current += 1;
      void saveShared('autosave', true)
        .catch(() => undefined)
        .finally(() => {
          filingSends.current -= 1;
        });
    },
    [fieldsRef, saveShared, showFiling, writeField],
  );

  /** A workflow step acts on the merged text: everything typed here is stored and folded first, or nothing is done. */
  const takeStep = useCallback(
    async (step: StepRequest): Promise<ArticleView> => {
      if (mayEdit) await saveShared('autosave');
      const view = await apiFetch<ArticleView>(`/api/articles/${articleId}/workflow`, {
        method: 'POST',
        body: { ...step, version: baseRef.current.version },
      });
      adoptServerState(view);
      return view;
    },
    [adoptServerState, articleId, mayEdit, saveShared],
  );

  /** A preview link of "this version" shows the merged text: everything typed here is stored and folded first. */
  const settleForPreview = useCallback(async () => {
    if (mayEdit) await saveShared('autosave');
  }, [mayEdit, saveShared]);

  const changeAddress = useCallback(
    async (slug: string): Promise<ArticleView> => {
      const view = await apiFetch<ArticleView>(`/api/articles/${articleId}/slug`, { method: 'PUT', body: { slug } });
      adoptServerState(view);
      return view;
    },
    [adoptServerState, articleId],
  );

  /** The selected passage to comment on; the shared text is folded first, since comments point at saved text. */
  const takeSelection = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return null;
    if (mayEdit) void saveShared('autosave').catch(() => undefined);
    return selectionAnchor(editor);
  }, [mayEdit, saveShared]);

  function saveOnShortcut(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      saveNow();
    }
  }

  const status = sharedSaveStatus({
    loaded: shared.loaded,
    online: shared.online,
    unsynced: shared.unsynced,
    sending: sending > 0,
    signedOut: shared.signedOut,
    refused: shared.refused,
    problem,
    storedAt,
  });
  const headlineLength = fields.headline.length;
  const fieldProps = { readOnly: !editable, onChange: writeField };
  const searchSocial = useSearchSocial(articleId).data ?? NO_SEARCH_SOCIAL;
  const recommendations = publishRecommendationsOf({
    description: searchSocial.metaDescription || fields.standfirst,
    hasSocialImage: searchSocial.socialPhoto !== null || fields.leadPhoto !== null,
  });
  const blockers = publishBlockersOf({ headline: fields.headline, bodyHasWords: words > 0 }, [...leadPhotoUses(fields.leadPhoto), ...bodyPhotos], photoCards);

  return (
    <PhotoCardsContext value={photoCards}>
      <div className="editor">
        <div className="editor__main">
          <form
            className="card"
            onSubmit={(event) => {
              event.preventDefault();
              saveNow();
            }}
            onKeyDown={saveOnShortcut}
            onInput={onInput}
            noValidate
            aria-labelledby="editor-title"
          >
            <h1 id="editor-title" className="visually-hidden">
              Edit article
            </h1>
            {wireCopy}
            {!mayEdit && <p className="notice notice--info">{readOnlyReason ?? 'You can follow this article as others write it, but not change it.'}</p>}
            {base.returnNote && (
              <div className="notice notice--warn" role="note" aria-label="Returned by the copy desk">
                <p>
                  <strong>Returned by {base.returnNote.byName}</strong> at{' '}
                  <time dateTime={base.returnNote.at}>{formatDeskTime(base.returnNote.at, timeZone)}</time>:
                </p>
                <p className="return-note">{base.returnNote.note}</p>
                {base.returnNote.submittedRevision !== null && (
                  <DeskChanges articleId={articleId} submitted={base.returnNote.submittedRevision} returned={base.returnNote.returnedRevision} />
                )}
              </div>
            )}
            {restore && doc && (
              <RestoreOffer
                saved={restore.now}
                unsaved={restore.merged}
                at={restore.copy.at}
                timeZone={timeZone}
                onRestore={() => {
                  setRestore(null);
                  typedHere.current = true;
                  mergeSharedCopy(doc, restore.copy);
                }}
                onDiscard={() => {
                  clearSharedCopy(articleId);
                  setRestore(null);
                }}
              />
            )}
            {status.kind === 'signed-out' && (
              <div className="notice notice--error" role="alert" aria-label="Save problem">
                <p>Your session has ended. Your changes are kept on this device.</p>
                <p>
                  <a href={`/login?next=/desk/articles/${articleId}`} target="_blank" rel="noopener">
                    Sign in again in a new tab
                  </a>
                  ; saving resumes by itself.
                </p>
              </div>
            )}

            <FormField
              label="Headline"
              hint={`${headlineLength} / ${HEADLINE_MAX} characters${headlineLength > HEADLINE_ADVISED ? ` — over ${HEADLINE_ADVISED} is cut off in search results and feeds` : ''}`}
              name="headline" value={fields.headline} errors={fieldErrors.headline} {...fieldProps}
            />
            <FormField label="Standfirst" multiline rows={2} name="standfirst" value={fields.standfirst} errors={fieldErrors.standfirst} {...fieldProps} />
            <div className="field-row">
              <FormField label="Dateline place" hint="e.g. MOSCOW" name="datelinePlace" value={fields.datelinePlace} errors={fieldErrors.datelinePlace} {...fieldProps} />
              <FormField label="Dateline source" hint="e.g. Dateline" name="datelineSource" value={fields.datelineSource} errors={fieldErrors.datelineSource} {...fieldProps} />
              <FormField label="Byline" hint="as printed" name="byline" value={fields.byline} errors={fieldErrors.byline} {...fieldProps} />
            </div>
            <FilingFields value={filing} choices={filingChoices} onChange={setFiling} readOnly={!editable} errors={fieldErrors} />
            <LeadPhotoField
              value={fields.leadPhoto}
              onChange={setLeadPhoto}
              onPhotoChosen={addPhotoCard}
              readOnly={!editable}
              errors={fieldErrors.leadPhoto}
            />
            {doc && provider && shared.loaded ? (
              <SharedBodyEditor
                doc={doc}
                provider={provider}
                user={{ name: viewer.name, color: collaboratorColour(viewer.id) }}
                editable={editable}
                errors={fieldErrors.body}
                onReady={(editor) => {
                  editorRef.current = editor;
                }}
                onChange={onBodyChange}
                onBlur={() => announceTyping(null)}
                onPhotoChosen={addPhotoCard}
              />
            ) : (
              bodyLoading
            )}

            {mayEdit && (
              <div className="editor__actions">
                <button type="submit" className="button" disabled={!editable}>
                  Save
                </button>
                <span className="save-status" role="status" aria-live="polite">
                  {saveStatusText(status, timeZone)}
                </span>
                {status.kind === 'failed' && status.retry && (
                  <button type="button" className="button button--quiet" onClick={saveNow}>
                    Retry
                  </button>
                )}
              </div>
            )}
          </form>
          <SearchSocialPanel articleId={articleId} readOnly={!mayEdit} />
          <CommentPanel
            articleId={articleId}
            timeZone={timeZone}
            canComment={can(viewer, 'comment:create')}
            takeSelection={takeSelection}
            shownCommentId={shownCommentId}
          />
          <HistoryPanel articleId={articleId} timeZone={timeZone} live={base.live} />
        </div>

        <aside className="editor__side card" aria-label="Article details">
          {provider && <PeopleInArticle provider={provider} />}
          <dl>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={base.status} />
              {base.live && <span className="badge badge--live">Live</span>}
            </dd>
            <dt>Author</dt>
            <dd>{base.authorName}</dd>
            <dt>Revision</dt>
            <dd>{base.revisionNumber}</dd>
            <dt>Last edited</dt>
            <dd>
              <time dateTime={base.lastEditedAt}>{formatDeskTime(base.lastEditedAt, timeZone)}</time>
              {base.lastEditedByName && ` by ${base.lastEditedByName}`}
            </dd>
            <dt>Words</dt>
            <dd>{words}</dd>
            <dt>Reading time</dt>
            <dd>{readingMinutes(words)} min</dd>
          </dl>
          <PublishChecklist blockers={blockers} recommendations={recommendations} />
          <WorkflowPanel article={base} viewer={viewer} timeZone={timeZone} takeStep={takeStep} changeAddress={changeAddress} />
          <LiveStoryControl article={base} viewer={viewer} />
          {can(viewer, 'preview:share', base) && <PreviewLinksPanel articleId={articleId} timeZone={timeZone} settle={settleForPreview} />}
        </aside>
      </div>
    </PhotoCardsContext>
  );
}
