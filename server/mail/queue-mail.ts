import 'server-only';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { articles, mailOutbox, mailPreferences, revisions, users } from '@/db/schema';
import { UNTITLED_HEADLINE } from '@/lib/domain-constants';
import { DEFAULT_MAIL_DELIVERY, type LinkMailKind, MAIL_KINDS, type MailDelivery, type MailKind } from '@/lib/mail/mail-kinds';
import { notificationText } from '@/lib/notification-view';
import { formatWireTime } from '@/lib/wire-timestamp';
import { PERMISSIONS } from '@/lib/permissions';
import { env } from '@/server/env';
import type { NotificationEvent } from '@/server/notifications/notify';
import type { MailItem } from './compose-mail';
import { nextDigestAt } from './digest-time';

/** Mail is on when the operator has named a mail server; otherwise Dateline behaves as before it mailed. */
export function mailIsOn(): boolean {
  return env().SMTP_URL !== undefined;
}

function mailDeliveryFor(db: Tx, userId: number, kind: MailKind): MailDelivery {
  const row = db
    .select({ delivery: mailPreferences.delivery })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.userId, userId), eq(mailPreferences.kind, kind)))
    .get();
  return row?.delivery ?? DEFAULT_MAIL_DELIVERY;
}

/**
 * Queues an item for a person, in the transaction of the change it reports, so a message is never
 * about something that did not happen and nothing that happened is left unsent by a crash. With
 * mail off nothing is queued: turning it on later must not send a backlog of stale news and
 * expired links. Invitations and password links always go at once; the rest as the person chose.
 */
export function queueMail(tx: Tx, recipientId: number, item: MailItem, now: Date): boolean {
  if (!mailIsOn()) return false;
  const delivery = item.kind === 'invite' || item.kind === 'reset' ? 'immediate' : mailDeliveryFor(tx, recipientId, item.kind);
  if (delivery === 'off') return false;
  tx.insert(mailOutbox)
    .values({
      recipientId,
      kind: item.kind,
      status: delivery === 'daily' ? 'daily' : 'queued',
      content: JSON.stringify(item),
      nextAttemptAt: delivery === 'daily' ? nextDigestAt(now, env().MAIL_DIGEST_HOUR, env().NEWSROOM_TIMEZONE) : now,
      createdAt: now,
    })
    .run();
  return true;
}

/** The headline a message names, unquoted: the working copy's, as the desk sees it now. */
function workingHeadline(tx: Tx, articleId: number): string {
  const row = tx
    .select({ headline: revisions.headline })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(eq(articles.id, articleId))
    .get();
  return row?.headline || UNTITLED_HEADLINE;
}

function personName(tx: Tx, userId: number | null): string | null {
  if (userId === null) return null;
  return tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}

/** The copy desk: everyone active who reviews stories, but not whoever submitted it. */
export function queueReviewRequestMail(tx: Tx, article: { id: number }, submitterId: number, now: Date): void {
  if (!mailIsOn()) return;
  const desk = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, [...PERMISSIONS['article:review']]), isNull(users.disabledAt), ne(users.id, submitterId)))
    .all();
  const sentence = `${personName(tx, submitterId) ?? 'Someone'} submitted “${workingHeadline(tx, article.id)}” for review`;
  for (const person of desk) {
    queueMail(tx, person.id, { kind: 'submitted', sentence, quote: null, path: `/desk/articles/${article.id}` }, now);
  }
}

/**
 * The email twin of a bell notification: the same sentence the bell shows, with what the person
 * needs to act on it (the comment, the return note) and a link to the exact place (a mention opens
 * the story with its comment thread in view).
 */
export function queueNotificationMail(tx: Tx, event: NotificationEvent, now: Date): void {
  if (!mailIsOn() || !(MAIL_KINDS as readonly string[]).includes(event.kind)) return;
  const kind = event.kind as MailKind;
  const headline = workingHeadline(tx, event.articleId);
  const actorName = personName(tx, event.actorId);
  const sentence = event.corrected
    ? `“${headline}” was corrected${actorName ? ` by ${actorName}` : ''}`
    : notificationText({ kind: event.kind, headline, actorName });
  const articlePath = `/desk/articles/${event.articleId}`;
  queueMail(
    tx,
    event.recipientId,
    {
      kind,
      sentence,
      quote: event.quote ?? null,
      path: event.commentId === undefined ? articlePath : `${articlePath}?comment=${event.commentId}`,
    },
    now,
  );
}

/** A scheduled story that did not go out: whoever scheduled it and its writer are told why. */
export function queueScheduleFailureMail(tx: Tx, article: { id: number; authorId: number; scheduledBy: number | null }, reason: string, now: Date): void {
  if (!mailIsOn()) return;
  const sentence = `“${workingHeadline(tx, article.id)}” was not published at its scheduled time. It is back in Approved.`;
  for (const recipientId of new Set([article.scheduledBy ?? article.authorId, article.authorId])) {
    queueMail(tx, recipientId, { kind: 'schedule_failed', sentence, quote: reason, path: `/desk/articles/${article.id}` }, now);
  }
}

/** An invitation or a password link, mailed to the account's own address; true when it was queued. */
export function queuePasswordLinkMail(
  tx: Tx,
  link: { userId: number; purpose: LinkMailKind; createdBy: number | null; path: string; expiresAt: Date },
  now: Date,
): boolean {
  const admin = personName(tx, link.createdBy) ?? 'An admin';
  const until = formatWireTime(link.expiresAt, env().NEWSROOM_TIMEZONE);
  const sentence =
    link.purpose === 'invite'
      ? `${admin} has invited you to the newsroom’s desk on Dateline. Choose your password with the link below; it works once, until ${until}.`
      : `${admin} has reset your Dateline password. Choose a new one with the link below; it works once, until ${until}.`;
  return queueMail(tx, link.userId, { kind: link.purpose, sentence, quote: null, path: link.path }, now);
}
