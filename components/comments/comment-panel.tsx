'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, memo, type Ref, useEffect, useId, useRef, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api-client';
import type { CommentThread, CommentView } from '@/lib/comment-view';
import { findMentions } from '@/lib/comments/mentions';
import type { TextQuoteSelector } from '@/lib/comments/text-anchor';
import { formatDeskTime } from '@/lib/desk-time';
import { commentKeys } from '@/lib/query-keys';
import type { AddCommentInput } from '@/lib/validation/comment';

type Props = {
  articleId: number;
  timeZone: string;
  /** Whether this person may comment, reply, resolve and reopen; otherwise the threads are read-only. */
  canComment: boolean;
  /** The body's current selection as a selector on its plain text, or null when nothing is selected. */
  takeSelection: () => TextQuoteSelector | null;
  /** A comment the person was sent to (an email's link): its thread is brought into view and marked. */
  shownCommentId?: number;
};

/** The desk looks for new comments this often while the tab is in front; a background tab waits. */
const REFRESH_MS = 30_000;

/** Sends one write and answers with every thread, which replaces the list on screen. */
type SendComment = (request: { method: 'POST' | 'PATCH'; path: string; body: unknown }) => Promise<CommentThread[]>;

/**
 * The desk's conversation about a story: threads, optionally about a passage of the body, with
 * replies; open threads first, resolved ones folded away. Comments are plain text: React renders
 * them as text nodes, so markup someone types is shown, never run.
 *
 * Memoised: the editor around it re-renders for its own changes (a save status, a word count).
 */
export const CommentPanel = memo(function CommentPanel({ articleId, timeZone, canComment, takeSelection, shownCommentId }: Props) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const queryKey = commentKeys.list(articleId);
  const url = `/api/articles/${articleId}/comments`;
  const threads = useQuery({
    queryKey,
    queryFn: () => apiFetch<CommentThread[]>(url, { method: 'GET' }),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });

  const send: SendComment = async ({ method, path, body }) => {
    const list = await apiFetch<CommentThread[]>(`${url}${path}`, { method, body });
    // A poll that left before this write would bring back the list without it.
    await queryClient.cancelQueries({ queryKey });
    queryClient.setQueryData(queryKey, list);
    return list;
  };

  // Half-written replies live here, not in their thread: a thread resolved meanwhile moves to the
  // Resolved list and is drawn afresh there, and the text must survive the move.
  const [replyDrafts, setReplyDrafts] = useState<Record<number, string>>({});
  const setReplyDraft = (threadId: number, text: string | null) =>
    setReplyDrafts((drafts) => {
      const next = { ...drafts };
      if (text === null) delete next[threadId];
      else next[threadId] = text;
      return next;
    });

  const open = threads.data?.filter((thread) => thread.resolved === null) ?? [];
  const resolved = threads.data?.filter((thread) => thread.resolved !== null) ?? [];
  const shownThreadId = threads.data?.find((thread) => thread.id === shownCommentId || thread.replies.some((reply) => reply.id === shownCommentId))?.id;
  const threadList = (list: CommentThread[]) => (
    <ol className="comments__threads">
      {list.map((thread) => (
        <li key={thread.id}>
          <Thread
            shown={thread.id === shownThreadId}
            thread={thread}
            timeZone={timeZone}
            canComment={canComment}
            send={send}
            replyDraft={replyDrafts[thread.id] ?? null}
            setReplyDraft={(text) => setReplyDraft(thread.id, text)}
          />
        </li>
      ))}
    </ol>
  );

  return (
    <section className="comments" aria-labelledby={headingId}>
      <h2 id={headingId}>Comments</h2>
      {threads.isPending ? (
        <p className="muted">Loading comments…</p>
      ) : threads.data === undefined ? (
        <p className="notice notice--error" role="alert">
          {threads.error?.message}
        </p>
      ) : (
        <>
          {open.length === 0 ? <p className="muted">No open comments.</p> : threadList(open)}
          {resolved.length > 0 && (
            <details className="comments__resolved" open={resolved.some((thread) => thread.id === shownThreadId) || undefined}>
              <summary>Resolved ({resolved.length})</summary>
              {threadList(resolved)}
            </details>
          )}
        </>
      )}
      {canComment && <NewCommentForm send={send} takeSelection={takeSelection} />}
    </section>
  );
});

type ThreadProps = {
  thread: CommentThread;
  /** The thread the person was sent to: scrolled to and focused once, and marked while they are here. */
  shown: boolean;
  timeZone: string;
  canComment: boolean;
  send: SendComment;
  /** The reply being written, or null when the reply form is closed. */
  replyDraft: string | null;
  setReplyDraft: (text: string | null) => void;
};

function Thread({ thread, shown, timeZone, canComment, send, replyDraft, setReplyDraft }: ThreadProps) {
  const metaId = useId();
  const replyButton = useRef<HTMLButtonElement>(null);
  const self = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!shown) return;
    self.current?.scrollIntoView({ block: 'center' });
    self.current?.focus({ preventScroll: true });
  }, [shown]);
  const resolve = useMutation({
    mutationFn: (resolved: boolean) => send({ method: 'PATCH', path: `/${thread.id}`, body: { resolved } }),
  });

  function closeReply() {
    setReplyDraft(null);
    replyButton.current?.focus();
  }

  return (
    <article
      ref={self}
      className={shown ? 'comment-thread comment-thread--shown' : 'comment-thread'}
      tabIndex={shown ? -1 : undefined}
      aria-labelledby={shown ? `${metaId}-shown` : undefined}
    >
      {shown && (
        <p className="comment-thread__shown" id={`${metaId}-shown`}>
          The comment you were sent to
        </p>
      )}
      {thread.anchor?.state === 'found' && <blockquote className="comment-thread__quote">{thread.anchor.quote}</blockquote>}
      {thread.anchor?.state === 'deleted' && (
        <p className="comment-thread__gone">
          The passage this comment pointed to has been deleted or reworded: <q>{thread.anchor.quote}</q>
        </p>
      )}
      <Comment comment={thread} timeZone={timeZone} metaId={metaId} />
      {thread.replies.length > 0 && (
        <ol className="comment-thread__replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Comment comment={reply} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
      {thread.resolved && (
        <p className="comment-thread__resolved">
          Resolved by {thread.resolved.byName}, <time dateTime={thread.resolved.at}>{formatDeskTime(thread.resolved.at, timeZone)}</time>
        </p>
      )}
      {canComment && (
        <div className="comment-thread__actions">
          {thread.resolved === null && (
            <button
              ref={replyButton}
              type="button"
              className="button button--quiet"
              aria-expanded={replyDraft !== null}
              aria-describedby={metaId}
              onClick={() => setReplyDraft(replyDraft === null ? '' : null)}
            >
              Reply
            </button>
          )}
          <button
            type="button"
            className="button button--quiet"
            aria-describedby={metaId}
            disabled={resolve.isPending}
            onClick={() => resolve.mutate(thread.resolved === null)}
          >
            {thread.resolved === null ? 'Resolve' : 'Reopen'}
          </button>
        </div>
      )}
      {resolve.error && (
        <p className="field__error" role="alert">
          {resolve.error.message}
        </p>
      )}
      {canComment && replyDraft !== null && (
        <ReplyForm threadId={thread.id} authorName={thread.authorName} text={replyDraft} setText={setReplyDraft} send={send} onDone={closeReply} />
      )}
    </article>
  );
}

/** One comment: who wrote it and when, then its text with the people it mentions picked out. */
function Comment({ comment, timeZone, metaId }: { comment: CommentView; timeZone: string; metaId?: string }) {
  const names = comment.mentions.map((mention) => mention.name);
  const segments: { text: string; mention: boolean }[] = [];
  let from = 0;
  for (const { start, end } of findMentions(comment.body, names).mentions) {
    segments.push({ text: comment.body.slice(from, start), mention: false }, { text: comment.body.slice(start, end), mention: true });
    from = end;
  }
  segments.push({ text: comment.body.slice(from), mention: false });

  return (
    <div className="comment">
      <p className="comment__meta" id={metaId}>
        <span className="comment__author">{comment.authorName}</span>{' '}
        <time dateTime={comment.createdAt}>{formatDeskTime(comment.createdAt, timeZone)}</time>
      </p>
      <p className="comment__body">
        {segments.map((segment, index) =>
          segment.mention ? (
            <strong key={index} className="comment__mention">
              {segment.text}
            </strong>
          ) : (
            <Fragment key={index}>{segment.text}</Fragment>
          ),
        )}
      </p>
    </div>
  );
}

type ReplyFormProps = {
  threadId: number;
  authorName: string;
  text: string;
  setText: (text: string) => void;
  send: SendComment;
  onDone: () => void;
};

function ReplyForm({ threadId, authorName, text, setText, send, onDone }: ReplyFormProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const reply = useMutation({
    mutationFn: (input: AddCommentInput) => send({ method: 'POST', path: '', body: input }),
    onSuccess: onDone,
  });

  useEffect(() => field.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reply.isPending) reply.mutate({ body: text, parentId: threadId });
  }

  return (
    <form className="comment-form comment-form--reply" onSubmit={submit} noValidate>
      <CommentField ref={field} label={`Reply to ${authorName}`} value={text} onChange={setText} errors={errorsFor(reply.error, 'body')} />
      <div className="comment-form__actions">
        <button type="submit" className="button" disabled={reply.isPending}>
          {reply.isPending ? 'Posting…' : 'Post reply'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewCommentForm({ send, takeSelection }: { send: SendComment; takeSelection: Props['takeSelection'] }) {
  const headingId = useId();
  const [text, setText] = useState('');
  const [anchor, setAnchor] = useState<TextQuoteSelector | null>(null);
  const [nothingSelected, setNothingSelected] = useState(false);
  const [outcome, setOutcome] = useState('');
  const post = useMutation({
    mutationFn: (input: AddCommentInput) => send({ method: 'POST', path: '', body: input }),
    onSuccess: () => {
      setText('');
      setAnchor(null);
      setOutcome('Your comment is posted.');
    },
  });

  function takePassage() {
    const selection = takeSelection();
    setNothingSelected(selection === null);
    if (selection) setAnchor(selection);
    post.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome('');
    if (!post.isPending) post.mutate({ body: text, ...(anchor ? { anchor } : {}) });
  }

  const anchorErrors = post.error instanceof ApiError ? (post.error.fields.anchor ?? []) : [];

  return (
    <form className="comment-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>Add a comment</h3>
      {anchor ? (
        <div className="comment-form__passage">
          <p className="comment-form__passage-label">On the passage</p>
          <blockquote className="comment-thread__quote">{anchor.quote}</blockquote>
          <button type="button" className="button button--quiet" onClick={() => setAnchor(null)}>
            Remove<span className="visually-hidden"> the passage</span>
          </button>
          {anchorErrors.length > 0 && (
            <p className="field__error" role="alert">
              {anchorErrors.join(' ')}
            </p>
          )}
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={takePassage}>
          Comment on selected text
        </button>
      )}
      {nothingSelected && !anchor && (
        <p className="field__error" role="alert">
          Select a passage of the body first.
        </p>
      )}
      <CommentField
        label="Your comment"
        hint="Mention someone with @ and their full name, e.g. @Cora Desk."
        value={text}
        onChange={(value) => {
          setText(value);
          setOutcome('');
        }}
        errors={errorsFor(post.error, 'body', ['anchor'])}
      />
      <button type="submit" className="button" disabled={post.isPending}>
        {post.isPending ? 'Posting…' : 'Post comment'}
      </button>
      <p className="comment-form__outcome" aria-live="polite">
        {outcome}
      </p>
    </form>
  );
}

/**
 * What to show beside a field: the refusal's messages for it, or the whole refusal when no field
 * claims it (a network failure, a thread resolved meanwhile), unless one of `shownElsewhere` does.
 */
function errorsFor(error: Error | null, field: string, shownElsewhere: string[] = []): string[] {
  if (!error) return [];
  if (error instanceof ApiError) {
    const own = error.fields[field];
    if (own) return own;
    if (Object.keys(error.fields).some((name) => shownElsewhere.includes(name))) return [];
  }
  return [error.message];
}

type CommentFieldProps = {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[];
  ref?: Ref<HTMLTextAreaElement>;
};

/**
 * A comment's text area. Unlike the editor's FormField, a refusal is announced as it appears
 * (role="alert"): the person has just pressed Post and is waiting to hear what happened.
 */
function CommentField({ label, hint, value, onChange, errors, ref }: CommentFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, errors.length > 0 && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <textarea
        ref={ref}
        id={id}
        rows={3}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
