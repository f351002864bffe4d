/**
 * What Dateline emails a person about, each of which they may take at once, in a daily digest, or
 * not at all (on /account). Invitations and password links are not among them: they always go at
 * once, as the link is the only way in.
 */
export const MAIL_KINDS = ['mentioned', 'returned', 'submitted', 'approved', 'published', 'schedule_failed'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const LINK_MAIL_KINDS = ['invite', 'reset'] as const;
export type LinkMailKind = (typeof LINK_MAIL_KINDS)[number];

/** Every kind of message in the queue; a digest gathers a person's daily ones into one. */
export const QUEUED_MAIL_KINDS = [...MAIL_KINDS, ...LINK_MAIL_KINDS, 'digest'] as const;
export type QueuedMailKind = (typeof QUEUED_MAIL_KINDS)[number];

export const MAIL_DELIVERIES = ['immediate', 'daily', 'off'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/** What a person gets until they choose otherwise. */
export const DEFAULT_MAIL_DELIVERY: MailDelivery = 'immediate';

export const MAIL_DELIVERY_LABELS: Record<MailDelivery, string> = {
  immediate: 'At once',
  daily: 'Daily digest',
  off: 'Off',
};

/** The row labels of the preferences table on /account. */
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  mentioned: 'Someone mentions me in a comment',
  returned: 'A story of mine is returned to me',
  submitted: 'A story is submitted for review (copy desk)',
  approved: 'A story of mine is approved',
  published: 'A story of mine is published or corrected',
  schedule_failed: 'A scheduled story does not go out',
};

/** Waiting to be sent; held for the person's daily digest; gathered into a digest; sent; given up on. */
export const MAIL_STATUSES = ['queued', 'daily', 'batched', 'sent', 'failed'] as const;

/** What the admin screens say about mail: off, or on with what waits in the queue and what it gave up on. */
export type MailStatus = { on: false } | { on: true; from: string; waiting: number; failed: number };
