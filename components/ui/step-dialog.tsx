'use client';

import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';

type Props = {
  title: string;
  /** What the dialog does, in a sentence, under its title. */
  description?: ReactNode;
  confirmLabel: string;
  /** A consequential step (withdrawing a story) gets the danger style. */
  danger?: boolean;
  pending: boolean;
  /** The server's refusal, shown above the buttons; the fields keep what was typed. */
  error?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
};

/**
 * A modal step that needs a few words or a choice before it is taken (a note, a time, a kind of
 * update): a native <dialog>, so focus stays inside, Escape closes it, and the page behind is inert.
 */
export function StepDialog({ title, description, confirmLabel, danger, pending, error, onConfirm, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onConfirm();
  }

  return (
    <dialog ref={dialog} className="step-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {description && <div className="step-dialog__description">{description}</div>}
        {children}
        {error && (
          <div className="notice notice--error" role="alert" aria-label={`${title}: not done`}>
            {error}
          </div>
        )}
        <div className="step-dialog__actions">
          <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={pending}>
            {pending ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
