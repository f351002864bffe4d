'use client';

import { useMutation } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { memo, useState } from 'react';
import { editRefusal } from '@/lib/article-edit-rules';
import type { ArticleView } from '@/lib/article-view';
import { availableWorkflowActions, type WorkflowAction } from '@/lib/article-workflow';
import { formatDeskTime } from '@/lib/desk-time';
import { UPDATE_KIND_LABELS } from '@/lib/domain-constants';
import { can } from '@/lib/permissions';
import { publicPath } from '@/lib/public/public-article';
import type { SessionUser } from '@/lib/session-user';
import type { WorkflowStepInput } from '@/lib/validation/workflow';
import { formatWireTime, wireStamp, wireStampText } from '@/lib/wire-timestamp';
import { StepErrorContent } from '@/components/ui/step-error';

// A dialog's code loads the first time it is opened: none of it is needed to read or write the story.
const NoteDialog = dynamic(() => import('@/components/ui/note-dialog').then((module) => module.NoteDialog), { ssr: false });
const UpdateDialog = dynamic(() => import('./workflow-dialogs').then((module) => module.UpdateDialog), { ssr: false });
const ScheduleDialog = dynamic(() => import('./workflow-dialogs').then((module) => module.ScheduleDialog), { ssr: false });
const AddressDialog = dynamic(() => import('./workflow-dialogs').then((module) => module.AddressDialog), { ssr: false });

/** A step as the screen asks for it; the version it acts on is added by the editor. */
export type StepRequest = WorkflowStepInput extends infer Step ? (Step extends unknown ? Omit<Step, 'version'> : never) : never;

type Props = {
  article: ArticleView;
  viewer: Pick<SessionUser, 'id' | 'role'>;
  timeZone: string;
  /** Saves what is still unsaved, then takes the step on the saved version. */
  takeStep: (step: StepRequest) => Promise<ArticleView>;
  changeAddress: (slug: string) => Promise<ArticleView>;
};

type DialogName = 'return' | 'update' | 'schedule' | 'withdraw' | 'address';

/**
 * Where the article stands on the public site and the steps this person can take now: submit,
 * approve, return, publish (or publish an update), schedule, withdraw, change the address. Only
 * steps the workflow rules would accept are offered; the server checks them again.
 *
 * Memoised: the editor around it re-renders for its own changes (a save status, a word count).
 */
export const WorkflowPanel = memo(function WorkflowPanel({ article, viewer, timeZone, takeStep, changeAddress }: Props) {
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [outcome, setOutcome] = useState('');
  const step = useMutation({
    mutationFn: takeStep,
    onSuccess: (view, request) => {
      setDialog(null);
      setOutcome(stepOutcome(request, view, timeZone));
    },
  });
  const address = useMutation({
    mutationFn: changeAddress,
    onSuccess: (view) => {
      setDialog(null);
      setOutcome(`The story’s address is now ${publicPath(view.slug ?? '')}.`);
    },
  });

  const actions = availableWorkflowActions(viewer, article);
  const offers = (action: WorkflowAction) => actions.includes(action);
  const published = article.firstPublishedAt !== null;
  const path = article.slug === null ? null : publicPath(article.slug);
  // Before the first publish, whoever may edit the article may choose its address; after, it
  // moves a public page, so only the copy desk (the server's rule in server/articles/slugs.ts).
  const mayChangeAddress = published ? can(viewer, 'article:publish:any') : editRefusal(viewer, article) === null;

  function open(name: DialogName) {
    step.reset();
    address.reset();
    setOutcome('');
    setDialog(name);
  }
  function take(request: StepRequest) {
    setOutcome('');
    step.mutate(request);
  }

  return (
    <section className="workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Publishing</h2>
      <dl>
        <dt>Web address</dt>
        <dd className="workflow__address">
          {path === null ? 'Made from the headline when it is published' : article.live ? <a href={path}>{path}</a> : <span>{path}</span>}{' '}
          {mayChangeAddress && (
            <button type="button" className="button button--quiet" onClick={() => open('address')}>
              Change address
            </button>
          )}
        </dd>
        {published && (
          <>
            <dt>{article.live ? 'On the site' : 'Was on the site'}</dt>
            <dd>{wireStampText(wireStamp({ firstPublishedAt: article.firstPublishedAt!, updatedAt: article.updatedAt }, timeZone))}</dd>
          </>
        )}
        {article.withdrawnAt && (
          <>
            <dt>Withdrawn</dt>
            <dd>
              <time dateTime={article.withdrawnAt}>{formatDeskTime(article.withdrawnAt, timeZone)}</time>
            </dd>
          </>
        )}
        {article.status === 'scheduled' && article.scheduledFor && (
          <>
            <dt>Scheduled for</dt>
            <dd>
              <time dateTime={article.scheduledFor}>{formatWireTime(article.scheduledFor, timeZone)}</time>
              {article.scheduledByName && `, by ${article.scheduledByName}`}
            </dd>
          </>
        )}
      </dl>
      {article.live && article.hasUnpublishedChanges && (
        <p className="notice notice--info">This version has changes the public page does not show yet.</p>
      )}
      {article.scheduleFailure && (
        <div className="notice notice--error" role="alert" aria-label="Scheduled publish failed">
          <p>
            The scheduled publish
            {article.scheduledFor && (
              <>
                {' '}
                at <time dateTime={article.scheduledFor}>{formatWireTime(article.scheduledFor, timeZone)}</time>
              </>
            )}{' '}
            did not happen: {article.scheduleFailure}
          </p>
        </div>
      )}

      <div className="workflow__actions">
        {offers('submit') && (
          <button type="button" className="button" disabled={step.isPending} onClick={() => take({ action: 'submit' })}>
            Submit for review
          </button>
        )}
        {offers('approve') && (
          <button type="button" className="button" disabled={step.isPending} onClick={() => take({ action: 'approve' })}>
            Approve
          </button>
        )}
        {offers('publish') &&
          (published ? (
            <button type="button" className="button" disabled={step.isPending} onClick={() => open('update')}>
              Publish update
            </button>
          ) : (
            <button type="button" className="button" disabled={step.isPending} onClick={() => take({ action: 'publish' })}>
              Publish
            </button>
          ))}
        {offers('schedule') && (
          <button type="button" className="button button--quiet" disabled={step.isPending} onClick={() => open('schedule')}>
            Schedule
          </button>
        )}
        {offers('unschedule') && (
          <button type="button" className="button button--quiet" disabled={step.isPending} onClick={() => take({ action: 'unschedule' })}>
            Unschedule
          </button>
        )}
        {offers('return') && (
          <button type="button" className="button button--quiet" disabled={step.isPending} onClick={() => open('return')}>
            Return to writer
          </button>
        )}
        {offers('withdraw') && (
          <button type="button" className="button button--danger" disabled={step.isPending} onClick={() => open('withdraw')}>
            Withdraw
          </button>
        )}
      </div>
      {/* Announced politely, not a second role=status: the save status is the screen's one. */}
      <p className="workflow__outcome" aria-live="polite">
        {outcome}
      </p>
      {dialog === null && step.error && <StepError error={step.error} label="Not done" />}

      {dialog === 'return' && (
        <NoteDialog
          title="Return to writer"
          description="The article goes back to its writer, who sees your note at the top of it."
          confirmLabel="Return to writer"
          field={{ label: 'Note to the writer', name: 'return-note' }}
          pending={step.isPending}
          error={step.error}
          onClose={() => setDialog(null)}
          onConfirm={(note) => take({ action: 'return', note })}
        />
      )}
      {dialog === 'update' && (
        <UpdateDialog pending={step.isPending} error={step.error} onClose={() => setDialog(null)} onConfirm={(request) => take({ action: 'publish', ...request })} />
      )}
      {dialog === 'schedule' && (
        <ScheduleDialog
          timeZone={timeZone}
          pending={step.isPending}
          error={step.error}
          onClose={() => setDialog(null)}
          onConfirm={(when) => take({ action: 'schedule', ...when })}
        />
      )}
      {dialog === 'withdraw' && (
        <NoteDialog
          title="Withdraw this story"
          description={`The story leaves the site, its feeds and its JSON at once; ${path ?? 'its address'} will answer that it was withdrawn. Its history stays, and it can be published again.`}
          confirmLabel="Withdraw"
          danger
          field={{ label: 'Reason', name: 'withdraw-reason', hint: 'Kept in the audit log.' }}
          pending={step.isPending}
          error={step.error}
          onClose={() => setDialog(null)}
          onConfirm={(note) => take({ action: 'withdraw', note })}
        />
      )}
      {dialog === 'address' && (
        <AddressDialog
          current={article.slug ?? ''}
          published={published}
          pending={address.isPending}
          error={address.error}
          onClose={() => setDialog(null)}
          onConfirm={(slug) => address.mutate(slug)}
        />
      )}
    </section>
  );
});

function stepOutcome(request: StepRequest, view: ArticleView, timeZone: string): string {
  switch (request.action) {
    case 'submit':
      return 'Submitted to the copy desk.';
    case 'approve':
      return 'Approved.';
    case 'return':
      return 'Returned to the writer with your note.';
    case 'publish':
      return request.updateKind ? `${UPDATE_KIND_LABELS[request.updateKind]} published.` : `Published at ${publicPath(view.slug ?? '')}.`;
    case 'schedule':
      return view.scheduledFor ? `Scheduled for ${formatWireTime(view.scheduledFor, timeZone)}.` : 'Scheduled.';
    case 'unschedule':
      return 'Taken off the schedule; it stays approved.';
    case 'withdraw':
      return `Withdrawn: ${publicPath(view.slug ?? '')} now answers “gone”.`;
  }
}

function StepError({ error, label }: { error: Error; label: string }) {
  return (
    <div className="notice notice--error" role="alert" aria-label={label}>
      <StepErrorContent error={error} />
    </div>
  );
}
