'use client';

import type { Editor } from '@tiptap/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { type KeyboardEvent, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { CommentPanel } from '@/components/comments/comment-panel';
import { StatusBadge } from '@/components/desk/status-badge';
import { LiveStoryControl } from '@/components/live-coverage/live-story-control';
import { HistoryPanel } from '@/components/revisions/history-panel';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { FieldErrors } from '@/lib/app-error';
import type { BodyDoc } from '@/lib/article-body';
import { type ArticleDraft, type DraftField, type DraftFields, draftOf, fieldsOf, sameDraft } from '@/lib/article-draft';
import type { ArticleView } from '@/lib/article-view';
import { bylineAfterCredit, type FilingChoices, type FilingDraft, filingDraftOf, filingSaved } from '@/lib/filing';
import { articleKeys, revisionKeys } from '@/lib/query-keys';
import { formatDeskTime } from '@/lib/desk-time';
import { bodyPlainText, countWords, readingMinutes } from '@/lib/editor/body-text';
import { nextSaveStatus, saveStatusText } from '@/lib/editor/save-status';
import { HEADLINE_ADVISED, HEADLINE_MAX } from '@/lib/domain-constants';
import { bodyPhotoUses, type LeadPhoto, leadPhotoUses, type PhotoCard } from '@/lib/photos/photo-use';
import { publishBlockersOf } from '@/lib/publish-blockers';
import type { SessionUser } from '@/lib/session-user';
import { editRefusal } from '@/lib/article-edit-rules';
import { can } from '@/lib/permissions';
import type { PhotoView } from '@/lib/photos/photo-view';
import type { SaveMode } from '@/lib/validation/article';
import { FilingFields } from './filing-fields';
import { FormField } from './form-field';
import { LeadPhotoField } from './lead-photo-field';
import { PhotoCardsContext } from './photo-cards';
import { PublishChecklist } from './publish-checklist';
import { LockBanner } from './lock-banner';
import { selectionAnchor } from './selection-anchor';
import { clearMirror, type MirrorEntry, readMirror, writeMirror } from './unsaved-mirror';
import { useEditLock } from './use-edit-lock';
import { useKeepOnLeaving } from './use-keep-on-leaving';
import { type StepRequest, WorkflowPanel } from './workflow-panel';

const AUTOSAVE_DELAY_MS = 2_000;
/**
 * The browser's copy is written this long after a change, not inside the keystroke: serialising a
 * long draft into storage on every key was the largest part of typing's cost. Hiding or leaving the
 * page writes it at once, so only a browser crash within this window could lose a few letters.
 */
const MIRROR_DELAY_MS = 250;

// Shown only now and then, with a word diff (jsdiff) each: their code loads when they are first shown.
const ConflictView = dynamic(() => import('./conflict-view').then((module) => module.ConflictView), { ssr: false });
const RestoreOffer = dynamic(() => import('./restore-offer').then((module) => module.RestoreOffer), { ssr: false });
const DeskChanges = dynamic(() => import('@/components/revisions/desk-changes').then((module) => module.DeskChanges));

// The rich editor is most of the screen's JavaScript: the page shows and hydrates without it,
// and it arrives right after (the form's other fields work meanwhile).
const BodyEditor = dynamic(() => import('./body-editor').then((module) => module.BodyEditor), {
  ssr: false,
  loading: () => (
    <div className="field">
      <span className="field__label">Body</span>
      <div className="body-editor body-editor--readonly body-editor__content" aria-busy="true">
        Loading the editor…
      </div>
    </div>
  ),
});

type Conflict = { theirs: ArticleView; mine: ArticleDraft; message: string };

type Props = { article: ArticleView; viewer: Pick<SessionUser, 'id' | 'role'>; timeZone: string; filingChoices: FilingChoices };

/**
 * The drafting screen. Every change is mirrored to this device at once and autosaved two seconds
 * after typing stops (and on blur, tab switch and reconnect); explicit Save always makes its own
 * revision. A save is refused rather than overwrite anyone: the conflict view then lets the writer
 * keep theirs or take the other text, and both stay in the history.
 */
export function ArticleEditor({ article, viewer, timeZone, filingChoices }: Props) {
  const articleId = article.id;
  const [base, setBase] = useState(article);
  const baseRef = useRef(article);
  const [fields, setFields] = useState<DraftFields>(() => fieldsOf(article));
  const fieldsRef = useRef(fields);
  // The filing belongs to the article, not its text (no revision keeps it), but it rides on the
  // same saves, so the save status, conflicts and the autosave cover it too.
  const [filing, setFilingState] = useState<FilingDraft>(() => filingDraftOf(article.filing));
  const filingRef = useRef(filing);
  const editorRef = useRef<Editor | null>(null);
  // The body last put on screen, for the moment between replacing the editor and it being ready.
  const shownBody = useRef<BodyDoc>(article.body);
  const [editorKey, setEditorKey] = useState(0);
  const [initialBody, setInitialBody] = useState<BodyDoc>(article.body);

  // Counters, not booleans: a save that started before the latest keystroke must not mark it saved.
  const changes = useRef(0);
  const savedChanges = useRef(0);
  // The save loop running now, if any: a workflow step waits for it before acting on the version.
  const inFlight = useRef<Promise<void> | null>(null);
  const queued = useRef<SaveMode | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mirrorTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const [status, report] = useReducer(nextSaveStatus, { kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [restore, setRestore] = useState<MirrorEntry | null>(null);
  const [words, setWords] = useState(() => countWords(bodyPlainText(article.body)));
  const [bodyPhotos, setBodyPhotos] = useState(() => bodyPhotoUses(article.body));
  // Library photos the article shows: the server's for what it uses, plus any chosen since.
  const [photoCards, setPhotoCards] = useState<Record<number, PhotoCard>>(article.photos);

  // Recomputed from the server's latest word on the article: a step (submit, say) can take it away.
  const readOnlyReason = editRefusal(viewer, base);
  const mayEdit = readOnlyReason === null;
  const { lock, lockError, takeOver } = useEditLock(articleId, mayEdit);
  const holdsLock = lock?.mine === true;
  const editable = mayEdit && holdsLock && conflict === null && restore === null;
  const blocked = useRef(false);
  useEffect(() => {
    blocked.current = conflict !== null || restore !== null;
  }, [conflict, restore]);

  const currentDraft = useCallback(
    (): ArticleDraft => ({ ...fieldsRef.current, body: (editorRef.current?.getJSON() as BodyDoc | undefined) ?? shownBody.current }),
    [],
  );

  const showFiling = useCallback((next: FilingDraft) => {
    filingRef.current = next;
    setFilingState(next);
  }, []);

  /** Replaces what the screen shows with a draft (the server's, or one restored from this device). */
  const showDraft = useCallback((draft: ArticleDraft) => {
    const { body, ...rest } = draft;
    fieldsRef.current = rest;
    setFields(rest);
    editorRef.current = null;
    shownBody.current = body;
    setInitialBody(body);
    setEditorKey((key) => key + 1);
    setWords(countWords(bodyPlainText(body)));
    setBodyPhotos(bodyPhotoUses(body));
  }, []);

  const queryClient = useQueryClient();
  const adoptServerState = useCallback(
    (view: ArticleView) => {
      // A new revision (or a folded autosave's newer text) is a new line in the history.
      if (view.version !== baseRef.current.version) void queryClient.invalidateQueries({ queryKey: revisionKeys.history(articleId) });
      baseRef.current = view;
      setBase(view);
      setPhotoCards((cards) => ({ ...cards, ...view.photos }));
    },
    [articleId, queryClient],
  );

  const addPhotoCard = useCallback((photo: PhotoView) => setPhotoCards((cards) => ({ ...cards, [photo.id]: photo })), []);

  const { mutateAsync: sendRequest } = useMutation({
    mutationFn: (input: { draft: ArticleDraft; filing: FilingDraft; version: number; mode: SaveMode }) =>
      apiFetch<ArticleView>(`/api/articles/${articleId}`, {
        method: 'PUT',
        body: { ...input.draft, filing: filingSaved(input.filing), version: input.version, mode: input.mode },
      }),
  });

  /** Sends one save and reports its outcome; false when saving must stop (conflict, refusal). */
  const sendSave = useCallback(
    async (mode: SaveMode): Promise<boolean> => {
      const startedAt = changes.current;
      const draft = currentDraft();
      report({ type: 'sending' });
      try {
        const view = await sendRequest({ draft, filing: filingRef.current, version: baseRef.current.version, mode });
        adoptServerState(view);
        savedChanges.current = startedAt;
        if (changes.current === startedAt) {
          clearMirror(articleId);
          // The tags as filed: a name typed in another case shows as the tag it found.
          showFiling(filingDraftOf(view.filing));
        }
        setFieldErrors({});
        setConflict(null);
        report({ type: 'stored', at: view.lastEditedAt, savedEdits: startedAt, edits: changes.current });
        return true;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === 'NETWORK') report({ type: 'offline' });
        else if (error.code === 'UNAUTHENTICATED') report({ type: 'signed-out' });
        else if (error.code === 'CONFLICT' && error.current) {
          blocked.current = true;
          setConflict({ theirs: error.current as ArticleView, mine: draft, message: error.message });
          // The refusal may be a take-over: learn who holds the article now, not at the next beat.
          void queryClient.invalidateQueries({ queryKey: articleKeys.lock(articleId) });
          report({ type: 'refused', message: 'Not saved: someone else’s version is newer.', retry: false });
        } else {
          setFieldErrors(error.fields);
          report({ type: 'refused', message: `Not saved: ${error.message}`, retry: true });
        }
        return false;
      }
    },
    [adoptServerState, articleId, currentDraft, queryClient, sendRequest, showFiling],
  );

  /** One save at a time; what is asked for meanwhile is sent right after, explicit saves first. */
  const save = useCallback(
    async (mode: SaveMode): Promise<void> => {
      if (!mayEdit) return;
      if (mode === 'autosave' && changes.current === savedChanges.current) return;
      if (blocked.current && mode !== 'keep_mine') return;
      if (inFlight.current) {
        queued.current = mode === 'autosave' ? (queued.current ?? 'autosave') : mode;
        return;
      }
      clearTimeout(timer.current);
      const loop = (async () => {
        let next: SaveMode | null = mode;
        while (next) {
          const ok = await sendSave(next);
          next = queued.current;
          queued.current = null;
          if (!ok || (next === 'autosave' && changes.current === savedChanges.current)) next = null;
        }
      })();
      inFlight.current = loop;
      try {
        await loop;
      } finally {
        inFlight.current = null;
      }
    },
    [mayEdit, sendSave],
  );

  /** Everything typed is on the server (true), or could not be saved (false: the reason is on screen). */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (changes.current !== savedChanges.current) await save('save');
    return changes.current === savedChanges.current && !blocked.current;
  }, [save]);

  /** Mirrors unsaved text to this device now; text the server already holds needs no copy. */
  const writeMirrorNow = useCallback(() => {
    clearTimeout(mirrorTimer.current);
    mirrorTimer.current = undefined;
    if (changes.current !== savedChanges.current) writeMirror(articleId, currentDraft(), baseRef.current.version);
  }, [articleId, currentDraft]);

  const noteChange = useCallback(() => {
    changes.current += 1;
    report({ type: 'edited' });
    mirrorTimer.current ??= setTimeout(writeMirrorNow, MIRROR_DELAY_MS);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save('autosave'), AUTOSAVE_DELAY_MS);
  }, [save, writeMirrorNow]);

  const wordTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onBodyChange = useCallback(
    (editor: Editor) => {
      noteChange();
      clearTimeout(wordTimer.current);
      wordTimer.current = setTimeout(() => {
        const body = editor.getJSON() as BodyDoc;
        setWords(countWords(bodyPlainText(body)));
        setBodyPhotos(bodyPhotoUses(body));
      }, 300);
    },
    [noteChange],
  );

  const setField = useCallback(
    (name: DraftField, value: string) => {
      fieldsRef.current = { ...fieldsRef.current, [name]: value };
      setFields(fieldsRef.current);
      noteChange();
    },
    [noteChange],
  );

  const setFiling = useCallback(
    (next: FilingDraft) => {
      const byline = bylineAfterCredit(fieldsRef.current.byline, filingRef.current.authors, next.authors, baseRef.current.authorName);
      if (byline !== fieldsRef.current.byline) {
        fieldsRef.current = { ...fieldsRef.current, byline };
        setFields(fieldsRef.current);
      }
      showFiling(next);
      noteChange();
    },
    [noteChange, showFiling],
  );

  const setLeadPhoto = useCallback(
    (leadPhoto: LeadPhoto | null) => {
      fieldsRef.current = { ...fieldsRef.current, leadPhoto };
      setFields(fieldsRef.current);
      noteChange();
    },
    [noteChange],
  );

  // Text left on this device by an earlier visit is offered back, never applied silently, once per
  // opening. Storage is only readable once the page is in the browser, hence an effect.
  const [openedWith] = useState(() => draftOf(article));
  useEffect(() => {
    void readMirror(articleId).then((mirror) => {
      if (!mirror) return;
      if (sameDraft(mirror.draft, openedWith)) clearMirror(articleId);
      else setRestore(mirror);
    });
  }, [articleId, openedWith]);

  // Save what is pending when the person looks away or the connection comes back.
  const autosaveNow = useCallback(() => void save('autosave'), [save]);
  const unsaved = useCallback(() => changes.current !== savedChanges.current, []);
  useKeepOnLeaving({ writeCopy: writeMirrorNow, saveNow: autosaveNow, unsaved });

  // Gaining the lock (first open, take-over, or a lapsed holder) means editing the newest text.
  const hadLock = useRef(false);
  useEffect(() => {
    if (!holdsLock || hadLock.current === holdsLock) {
      hadLock.current = holdsLock;
      return;
    }
    hadLock.current = true;
    void apiFetch<ArticleView>(`/api/articles/${articleId}`, { method: 'GET' })
      .then((latest) => {
        // Only a newer version: a step taken while this read was on its way (a publish clicked as
        // the page opened) has already moved the screen past what the read found.
        if (latest.version <= baseRef.current.version) return;
        if (changes.current === savedChanges.current) {
          adoptServerState(latest);
          showDraft(draftOf(latest));
          showFiling(filingDraftOf(latest.filing));
        } else {
          setConflict({
            theirs: latest,
            mine: currentDraft(),
            message: `${latest.lastEditedByName ?? 'Someone'} saved a newer version while you were away.`,
          });
        }
      })
      .catch(() => undefined);
  }, [adoptServerState, articleId, currentDraft, holdsLock, showDraft, showFiling]);

  function keepMine() {
    if (!conflict) return;
    adoptServerState(conflict.theirs);
    void save('keep_mine');
  }

  async function takeTheirs() {
    if (!conflict) return;
    const mine = currentDraft();
    try {
      await apiFetch(`/api/articles/${articleId}/conflict-copies`, { method: 'POST', body: mine });
    } catch (error) {
      if (error instanceof ApiError) report({ type: 'refused', message: `Your copy was not stored: ${error.message}`, retry: false });
      return;
    }
    adoptServerState(conflict.theirs);
    showDraft(draftOf(conflict.theirs));
    showFiling(filingDraftOf(conflict.theirs.filing));
    savedChanges.current = changes.current;
    clearMirror(articleId);
    setConflict(null);
    report({ type: 'stored', at: conflict.theirs.lastEditedAt, savedEdits: changes.current, edits: changes.current });
  }

  /** A workflow step acts on the saved version: what is typed is saved first, or nothing is done. */
  const takeStep = useCallback(
    async (step: StepRequest): Promise<ArticleView> => {
      if (mayEdit && !(await flush())) {
        throw new ApiError(409, 'CONFLICT', 'Your latest changes are not saved yet, so nothing was done. Sort that out first.');
      }
      try {
        const view = await apiFetch<ArticleView>(`/api/articles/${articleId}/workflow`, {
          method: 'POST',
          body: { ...step, version: baseRef.current.version },
        });
        adoptServerState(view);
        return view;
      } catch (error) {
        // Someone changed the article meanwhile: show their version (nothing of ours is unsaved).
        if (error instanceof ApiError && error.code === 'CONFLICT' && error.current) {
          const current = error.current as ArticleView;
          adoptServerState(current);
          showDraft(draftOf(current));
          showFiling(filingDraftOf(current.filing));
        }
        throw error;
      }
    },
    [adoptServerState, articleId, flush, mayEdit, showDraft, showFiling],
  );

  const changeAddress = useCallback(
    async (slug: string): Promise<ArticleView> => {
      const view = await apiFetch<ArticleView>(`/api/articles/${articleId}/slug`, { method: 'PUT', body: { slug } });
      adoptServerState(view);
      return view;
    },
    [adoptServerState, articleId],
  );

  /** The selected passage to comment on; what is typed is saved first, since comments point at saved text. */
  const takeSelection = useCallback(() => {
    const editor = editorRef.current;
    if (!editor) return null;
    if (mayEdit) void flush();
    return selectionAnchor(editor);
  }, [flush, mayEdit]);

  function saveOnShortcut(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save('save');
    }
  }

  const headlineLength = fields.headline.length;
  const fieldProps = { readOnly: !editable, onChange: setField, onBlur: autosaveNow };
  const blockers = publishBlockersOf({ headline: fields.headline, bodyHasWords: words > 0 }, [...leadPhotoUses(fields.leadPhoto), ...bodyPhotos], photoCards);

  return (
    <PhotoCardsContext value={photoCards}>
      <div className="editor">
        <div className="editor__main">
          <form
            className="card"
            onSubmit={(event) => {
              event.preventDefault();
              void save('save');
            }}
            onKeyDown={saveOnShortcut}
            noValidate
            aria-labelledby="editor-title"
          >
            <h1 id="editor-title" className="visually-hidden">
              Edit article
            </h1>
            {!mayEdit && <p className="notice notice--info">{readOnlyReason}</p>}
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
            {mayEdit && lock && !lock.mine && (
              <LockBanner lock={lock} timeZone={timeZone} onTakeOver={() => takeOver.mutate()} pending={takeOver.isPending} />
            )}
            {mayEdit && lockError instanceof ApiError && lockError.code !== 'UNAUTHENTICATED' && (
              <p className="notice notice--error">{lockError.message}</p>
            )}
            {restore && (
              <RestoreOffer
                saved={draftOf(base)}
                unsaved={restore.draft}
                at={restore.at}
                timeZone={timeZone}
                onRestore={() => {
                  setRestore(null);
                  showDraft(restore.draft);
                  noteChange();
                  // Restoring is a deliberate act on words the server never had: they go to it now.
                  autosaveNow();
                }}
                onDiscard={() => {
                  clearMirror(articleId);
                  setRestore(null);
                }}
              />
            )}
            {conflict && (
              <ConflictView
                message={conflict.message}
                theirs={conflict.theirs}
                mine={conflict.mine}
                timeZone={timeZone}
                onKeepMine={keepMine}
                onTakeTheirs={() => void takeTheirs()}
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
            <BodyEditor
              key={editorKey}
              initialBody={initialBody}
              editable={editable}
              errors={fieldErrors.body}
              onReady={(editor) => {
                editorRef.current = editor;
              }}
              onChange={onBodyChange}
              onBlur={() => void save('autosave')}
              onPhotoChosen={addPhotoCard}
            />

            {mayEdit && (
              <div className="editor__actions">
                <button type="submit" className="button" disabled={!editable}>
                  Save
                </button>
                <span className="save-status" role="status" aria-live="polite">
                  {saveStatusText(status, timeZone)}
                </span>
                {status.kind === 'failed' && status.retry && (
                  <button type="button" className="button button--quiet" onClick={() => void save('save')}>
                    Retry
                  </button>
                )}
              </div>
            )}
          </form>
          <CommentPanel articleId={articleId} timeZone={timeZone} canComment={can(viewer, 'comment:create')} takeSelection={takeSelection} />
          <HistoryPanel articleId={articleId} timeZone={timeZone} live={base.live} />
        </div>

        <aside className="editor__side card" aria-label="Article details">
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
          <PublishChecklist blockers={blockers} />
          <WorkflowPanel article={base} viewer={viewer} timeZone={timeZone} takeStep={takeStep} changeAddress={changeAddress} />
          <LiveStoryControl article={base} viewer={viewer} />
        </aside>
      </div>
    </PhotoCardsContext>
  );
}
