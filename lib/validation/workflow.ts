import { z } from 'zod';
import { UPDATE_KIND_LABELS, UPDATE_KINDS } from '@/lib/domain-constants';
import { SlugInput } from '@/lib/slug';

const version = z.number({ error: 'Version must be a whole number' }).int('Version must be a whole number').min(1);

const note = (label: string) => z.string({ error: `${label} must be text` }).trim().max(2000, `${label} must be at most 2000 characters`);
const optionalNote = (label: string) => note(label).optional();
const requiredNote = (label: string, ask: string) => note(label).min(1, ask);

const RETURN_NOTE = requiredNote('The note', 'Tell the writer what to change.');
const CORRECTION_NOTE = note('The correction note');

export const ReviewStepInput = z.strictObject({ version, note: optionalNote('The note') });
export type ReviewStepInput = z.infer<typeof ReviewStepInput>;

/**
 * Publishing: the first publish takes no kind; publishing again is an update of the live story and
 * must say which kind (a correction also carries its note for readers).
 */
export const PublishInput = z
  .strictObject({
    version,
    updateKind: z.enum(UPDATE_KINDS, { error: `Choose one of: ${UPDATE_KINDS.map((kind) => UPDATE_KIND_LABELS[kind]).join(', ')}` }).optional(),
    note: optionalNote('The note for the desk'),
    correction: CORRECTION_NOTE.optional(),
  })
  .superRefine((input, context) => {
    if (input.updateKind === 'correction' && !input.correction) {
      context.addIssue({ code: 'custom', path: ['correction'], message: 'Write the correction readers will see at the foot of the story.' });
    }
    if (input.updateKind !== 'correction' && input.correction) {
      context.addIssue({ code: 'custom', path: ['correction'], message: 'Only a correction carries a note for readers.' });
    }
  });
export type PublishInput = z.infer<typeof PublishInput>;

export const ScheduleInput = z.strictObject({
  version,
  /** A wall-clock time in `timeZone`, as a datetime-local field gives it: `2026-12-01T09:00`. */
  localTime: z.string({ error: 'Give the time to publish at' }).trim().min(1, 'Give the time to publish at').max(40),
  timeZone: z.string({ error: 'Give the time zone' }).trim().min(1, 'Give the time zone').max(100),
});
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const WithdrawInput = z.strictObject({ version, note: requiredNote('The reason', 'Say why the story is withdrawn.') });
export type WithdrawInput = z.infer<typeof WithdrawInput>;

export const VersionOnlyInput = z.strictObject({ version });

/** One step of the status flow, as `POST /api/articles/:id/workflow` takes it. */
export const WorkflowStepInput = z.discriminatedUnion(
  'action',
  [
    ReviewStepInput.extend({ action: z.literal('submit') }),
    ReviewStepInput.extend({ action: z.literal('approve') }),
    ReviewStepInput.extend({ action: z.literal('return'), note: RETURN_NOTE }),
    PublishInput.safeExtend({ action: z.literal('publish') }),
    ScheduleInput.extend({ action: z.literal('schedule') }),
    VersionOnlyInput.extend({ action: z.literal('unschedule') }),
    WithdrawInput.extend({ action: z.literal('withdraw') }),
  ],
  { error: 'Say which step to take: submit, approve, return, publish, schedule, unschedule or withdraw' },
);
export type WorkflowStepInput = z.infer<typeof WorkflowStepInput>;

export const SlugChangeInput = z.strictObject({ slug: SlugInput });
