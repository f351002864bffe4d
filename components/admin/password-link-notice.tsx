'use client';

import { useId, useState } from 'react';
import type { ShownLink } from '@/app/(desk)/admin/users/actions';
import { formatDeskTime } from '@/lib/desk-time';

/**
 * A one-time link, emailed to the person when mail is on and otherwise to pass on by hand. Shown
 * once: only its hash is kept, so leaving the page loses it and the admin issues a new one.
 */
export function PasswordLinkNotice({ link, label, timeZone }: { link: ShownLink; label: string; timeZone: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice--info password-link" role="status">
      <label htmlFor={id}>{label}</label>
      <div className="password-link__row">
        <input id={id} type="text" readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void navigator.clipboard?.writeText(link.url).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="field__hint">
        Works once, until <time dateTime={link.expiresAt}>{formatDeskTime(link.expiresAt, timeZone)}</time>.{' '}
        {link.mailed
          ? 'It has been emailed to the person; it is shown only now, should you need to pass it on yourself.'
          : 'It is shown only now; pass it on to the person yourself.'}
      </p>
    </div>
  );
}
