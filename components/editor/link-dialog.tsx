'use client';

import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { isAllowedLink } from '@/lib/editor/link-policy';

/** A bare domain gets https://; anything else must already be http(s) or mailto. */
function normalizeHref(raw: string): string {
  const trimmed = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return `mailto:${trimmed}`;
  return `https://${trimmed}`;
}

/** Adds, changes or removes the link on the selected text (Ctrl+K or the Link button). */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  // The text the link goes on, taken now: focus moves to the address field and back.
  const [range] = useState(() => ({ from: editor.state.selection.from, to: editor.state.selection.to }));
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  function apply() {
    if (href.trim() === '') {
      editor.chain().focus().setTextSelection(range).extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    const normalized = normalizeHref(href);
    if (!isAllowedLink(normalized)) {
      setError('Links must start with http://, https:// or mailto:');
      return;
    }
    editor.chain().focus().setTextSelection(range).extendMarkRange('link').setLink({ href: normalized }).run();
    onClose();
  }

  return (
    // Not a <form>: it sits inside the article's form, and forms cannot nest.
    <div
      className="link-dialog"
      role="dialog"
      aria-label="Link"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
        if (event.key === 'Enter') {
          event.preventDefault();
          apply();
        }
      }}
    >
      <label htmlFor="link-href">Link address</label>
      <input
        ref={input}
        id="link-href"
        type="text"
        inputMode="url"
        value={href}
        placeholder="https://"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'link-href-error' : undefined}
        onChange={(event) => setHref(event.target.value)}
      />
      <button type="button" className="button" onClick={apply}>
        Apply
      </button>
      {current && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            editor.chain().focus().setTextSelection(range).extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      )}
      <button type="button" className="button button--quiet" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p id="link-href-error" className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
