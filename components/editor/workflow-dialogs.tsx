'use client';

import { useState } from 'react';
import { UPDATE_KIND_LABELS, UPDATE_KINDS, type UpdateKind } from '@/lib/domain-constants';
import { localTimeInZone } from '@/lib/zoned-time';
import { type DialogProps, fieldErrors, generalError } from '@/components/ui/step-error';
import { StepDialog } from '@/components/ui/step-dialog';
import { FormField } from './form-field';

// The publishing steps that ask something before they are taken. The workflow panel loads this
// module the first time one of them is opened.

const KIND_HINTS: Record<UpdateKind, string> = {
  update: 'The story changed in substance: readers see a new “Updated” time.',
  correction: 'Fixes an error: readers see a new “Updated” time and your correction at the foot of the story.',
  minor_fix: 'A typo or a style fix: published without changing the “Updated” time.',
};

export function UpdateDialog({ pending, error, onClose, onConfirm }: DialogProps<{ updateKind?: UpdateKind; correction?: string; note?: string }>) {
  const [kind, setKind] = useState<UpdateKind | undefined>();
  const [correction, setCorrection] = useState('');
  const [note, setNote] = useState('');
  const kindErrors = fieldErrors(error, 'updateKind');
  return (
    <StepDialog
      title="Publish update"
      description="The public page changes to this version. Say what kind of change it is."
      confirmLabel="Publish update"
      pending={pending}
      error={generalError(error, ['updateKind', 'correction', 'note'])}
      onClose={onClose}
      onConfirm={() => onConfirm({ updateKind: kind, ...(kind === 'correction' ? { correction } : {}), ...(note.trim() ? { note } : {}) })}
    >
      <fieldset aria-invalid={kindErrors.length > 0 || undefined}>
        <legend>Kind of update</legend>
        {UPDATE_KINDS.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="update-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
            {UPDATE_KIND_LABELS[option]}
            <span>{KIND_HINTS[option]}</span>
          </label>
        ))}
        {kindErrors.length > 0 && <p className="field__error">{kindErrors.join(' ')}</p>}
      </fieldset>
      {kind === 'correction' && (
        <FormField
          label="Correction for readers"
          name="correction"
          hint="Printed at the foot of the story and on the Corrections page, with today’s date."
          multiline
          rows={3}
          value={correction}
          onChange={(_, value) => setCorrection(value)}
          errors={fieldErrors(error, 'correction')}
        />
      )}
      <FormField label="Note for the desk (optional)" name="update-note" multiline rows={3} value={note} onChange={(_, value) => setNote(value)} errors={fieldErrors(error, 'note')} />
    </StepDialog>
  );
}

/** The next quarter hour at least an hour ahead: a sensible first offer for an embargo. */
function defaultScheduleTime(timeZone: string): string {
  const quarter = 15 * 60_000;
  return localTimeInZone(new Date(Math.ceil((Date.now() + 60 * 60_000) / quarter) * quarter), timeZone);
}

export function ScheduleDialog({ timeZone, pending, error, onClose, onConfirm }: DialogProps<{ localTime: string; timeZone: string }> & { timeZone: string }) {
  const [localTime, setLocalTime] = useState(() => defaultScheduleTime(timeZone));
  const [zone, setZone] = useState(timeZone);
  return (
    <StepDialog
      title="Schedule"
      description="The story goes out by itself at this time, checked again as it goes. Until then it is not on the site."
      confirmLabel="Schedule"
      pending={pending}
      error={generalError(error, ['localTime', 'timeZone'])}
      onClose={onClose}
      onConfirm={() => onConfirm({ localTime, timeZone: zone })}
    >
      <FormField
        label="Publish at"
        name="publish-at"
        type="datetime-local"
        value={localTime}
        onChange={(_, value) => setLocalTime(value)}
        errors={fieldErrors(error, 'localTime')}
      />
      <FormField
        label="Time zone"
        name="publish-time-zone"
        hint={`The newsroom’s is ${timeZone}; give another to schedule by a different clock, e.g. America/New_York.`}
        value={zone}
        onChange={(_, value) => setZone(value)}
        errors={fieldErrors(error, 'timeZone')}
      />
    </StepDialog>
  );
}

export function AddressDialog({ current, published, pending, error, onClose, onConfirm }: DialogProps<string> & { current: string; published: boolean }) {
  const [slug, setSlug] = useState(current);
  return (
    <StepDialog
      title="Change address"
      description={published ? 'The old address will keep working: it redirects readers and search engines here.' : 'Until it is published, nobody can open it.'}
      confirmLabel="Save address"
      pending={pending}
      error={generalError(error, ['slug'])}
      onClose={onClose}
      onConfirm={() => onConfirm(slug)}
    >
      <FormField
        label="Web address"
        name="slug"
        hint="/news/… — lower-case letters, digits and hyphens, like council-votes-on-budget"
        value={slug}
        onChange={(_, value) => setSlug(value)}
        errors={fieldErrors(error, 'slug')}
      />
    </StepDialog>
  );
}
