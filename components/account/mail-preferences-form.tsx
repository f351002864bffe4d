'use client';

import { useActionState, useState } from 'react';
import { type AccountFormState, saveMailPreferencesAction } from '@/app/(desk)/account/actions';
import { MAIL_DELIVERIES, MAIL_DELIVERY_LABELS, MAIL_KIND_LABELS, MAIL_KINDS, type MailDelivery, type MailKind } from '@/lib/mail/mail-kinds';

const INITIAL: AccountFormState = { error: null, fields: {}, done: null };

/**
 * What Dateline emails this person, kind by kind: at once, in one daily digest, or not at all.
 * One group of choices per kind, each choice with its own visible label.
 */
export function MailPreferencesForm({ choices, mailOn, digestHour }: { choices: Record<MailKind, MailDelivery>; mailOn: boolean; digestHour: string }) {
  const [values, setValues] = useState(choices);
  const [state, action, pending] = useActionState(saveMailPreferencesAction, INITIAL);
  return (
    <section className="card account-form" aria-labelledby="mail-title">
      <h2 id="mail-title">Email</h2>
      <p className="muted">
        {mailOn
          ? `Choose what Dateline emails you. A daily digest gathers the day’s messages into one email at ${digestHour}, newsroom time. Invitations and password links always come at once.`
          : 'Mail is off in this newsroom: Dateline sends no email for now. Your choices apply once an admin turns it on.'}
      </p>
      <form action={action} className="mail-preferences">
        {MAIL_KINDS.map((kind) => (
          <fieldset key={kind} className="mail-preferences__kind">
            <legend>{MAIL_KIND_LABELS[kind]}</legend>
            {MAIL_DELIVERIES.map((delivery) => (
              <label key={delivery} className="mail-preferences__choice">
                <input
                  type="radio"
                  name={kind}
                  value={delivery}
                  checked={values[kind] === delivery}
                  onChange={() => setValues((current) => ({ ...current, [kind]: delivery }))}
                />{' '}
                {MAIL_DELIVERY_LABELS[delivery]}
              </label>
            ))}
            {state.fields[kind] && (
              <p className="field__error" role="alert">
                {state.fields[kind].join(' ')}
              </p>
            )}
          </fieldset>
        ))}
        {state.error && Object.keys(state.fields).length === 0 && (
          <p className="notice notice--error" role="alert" aria-label="Email choices: not saved">
            {state.error}
          </p>
        )}
        {state.done && (
          <p className="notice notice--info" role="status">
            {state.done}
          </p>
        )}
        <button type="submit" className="button" disabled={pending}>
          Save email choices
        </button>
      </form>
    </section>
  );
}
