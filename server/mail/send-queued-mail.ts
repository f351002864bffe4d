import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { type Db, getDb } from '@/db/client';
import { mailOutbox, users } from '@/db/schema';
import { LINK_MAIL_KINDS } from '@/lib/mail/mail-kinds';
import { env } from '@/server/env';
import { log } from '@/server/log/logger';
import { composeDigest, composeMail, type ComposedMail, MailItem } from './compose-mail';

/** Where and how mail goes out; from the environment unless a test names its own server. */
export type MailServer = { smtpUrl: string; from: string; siteUrl: string; timeoutMs: number };

/**
 * How long each step of talking to the mail server may take: connecting, its greeting, and any
 * silence after. A server that accepts the connection and never answers fails the attempt rather
 * than holding the queue.
 */
const TIMEOUT_MS = 15_000;
const BATCH = 20;
/** Retries reach about four hours (30 s, 1 min, 2 min … 1 h), inside a password link's 72. */
const MAIL_MAX_ATTEMPTS = 10;
/** A claimed message is not due again before this: longer than one attempt can take (three timeouts). */
const CLAIM_MS = 5 * 60_000;

export const mailRetryDelayMs = (attempts: number): number => Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000);

export function mailServerFromEnv(): MailServer | null {
  const { SMTP_URL, MAIL_FROM, siteUrl } = env();
  if (SMTP_URL === undefined || MAIL_FROM === undefined) return null;
  return { smtpUrl: SMTP_URL, from: MAIL_FROM, siteUrl, timeoutMs: TIMEOUT_MS };
}

export type MailRun = { sent: number[]; retrying: number[]; failed: number[] };

let sending: Promise<MailRun> | undefined;

/**
 * Sends the queued messages that are due. Each is claimed in a transaction before it is sent (its
 * attempt counted and its next turn pushed past the claim), so two runs or two server processes
 * do not send it twice, and marked sent or rescheduled with backoff in another; a process that
 * dies mid-send leaves it to be tried again once the claim lapses. One run at a time per process.
 */
export function sendDueMail(now = () => new Date(), server = mailServerFromEnv(), db: Db = getDb()): Promise<MailRun> {
  if (server === null) return Promise.resolve({ sent: [], retrying: [], failed: [] });
  sending ??= sendBatch(now, server, db).finally(() => {
    sending = undefined;
  });
  return sending;
}

type Claimed = { id: number; kind: (typeof mailOutbox.$inferSelect)['kind']; content: string | null; attempts: number; email: string };

async function sendBatch(now: () => Date, server: MailServer, db: Db): Promise<MailRun> {
  const claimed: Claimed[] = db.transaction(
    (tx) => {
      const due = tx
        .select({ id: mailOutbox.id, kind: mailOutbox.kind, content: mailOutbox.content, attempts: mailOutbox.attempts, email: users.email })
        .from(mailOutbox)
        .innerJoin(users, eq(users.id, mailOutbox.recipientId))
        .where(and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, now())))
        .orderBy(asc(mailOutbox.id))
        .limit(BATCH)
        .all();
      for (const mail of due) {
        tx.update(mailOutbox)
          .set({ attempts: mail.attempts + 1, nextAttemptAt: new Date(now().getTime() + CLAIM_MS) })
          .where(eq(mailOutbox.id, mail.id))
          .run();
      }
      return due.map((mail) => ({ ...mail, attempts: mail.attempts + 1 }));
    },
    { behavior: 'immediate' },
  );
  const run: MailRun = { sent: [], retrying: [], failed: [] };
  if (claimed.length === 0) return run;

  const transport = nodemailer.createTransport({
    ...connectionOptions(server.smtpUrl),
    connectionTimeout: server.timeoutMs,
    greetingTimeout: server.timeoutMs,
    socketTimeout: server.timeoutMs,
    dnsTimeout: server.timeoutMs,
  });
  try {
    // One at a time over the transport: a newsroom's mail is a trickle, and a server that is down
    // fails each quickly by its timeouts.
    for (const mail of claimed) {
      const failure = await sendOne(transport, server, db, mail);
      settle(db, mail, failure, now(), run);
    }
  } finally {
    transport.close();
  }
  return run;
}

/**
 * SMTP_URL as nodemailer's options. Not handed over as `url`: nodemailer then takes only what the
 * address says and drops every other option, the timeouts among them (checked with 8.0.11).
 */
function connectionOptions(smtpUrl: string): { host: string; port?: number; secure: boolean; auth?: { user: string; pass: string } } {
  const url = new URL(smtpUrl);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(url.port ? { port: Number(url.port) } : {}),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
  };
}

/** Why a message did not go; a permanent failure is not retried. */
type Failure = { error: string; permanent: boolean };

/** Null when the server took the message. */
async function sendOne(transport: nodemailer.Transporter, server: MailServer, db: Db, mail: Claimed): Promise<Failure | null> {
  // The address was checked when the account was made; checked again so nothing odd reaches a header.
  if (!z.email().safeParse(mail.email).success) return { error: 'The account’s email address is not a valid address.', permanent: true };
  let message: ComposedMail;
  try {
    message = composeQueued(db, mail, server.siteUrl);
  } catch (error) {
    log.error({ err: error, mailId: mail.id }, 'mail: a queued message could not be composed');
    return { error: 'The queued message could not be read.', permanent: true };
  }
  try {
    await transport.sendMail({
      from: server.from,
      to: mail.email,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // Nothing in a message refers to files or addresses to fetch; refuse if anything ever did.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return null;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), permanent: false };
  }
}

function composeQueued(db: Db, mail: Claimed, siteUrl: string): ComposedMail {
  if (mail.kind !== 'digest') return composeMail(MailItem.parse(JSON.parse(mail.content ?? '')), siteUrl);
  const items = db
    .select({ content: mailOutbox.content })
    .from(mailOutbox)
    .where(eq(mailOutbox.digestId, mail.id))
    .orderBy(asc(mailOutbox.id))
    .all()
    .map((item) => MailItem.parse(JSON.parse(item.content ?? '')));
  return composeDigest(items, siteUrl);
}

function settle(db: Db, mail: Claimed, failure: Failure | null, now: Date, run: MailRun): void {
  // Only if no later claim has taken it meanwhile (a claim that lapsed while this one hung).
  const stillOurs = and(eq(mailOutbox.id, mail.id), eq(mailOutbox.attempts, mail.attempts));
  if (failure === null) {
    db.update(mailOutbox)
      .set({
        status: 'sent',
        sentAt: now,
        lastError: null,
        // A password link is a secret: once it is on its way, the queue keeps no copy.
        ...((LINK_MAIL_KINDS as readonly string[]).includes(mail.kind) ? { content: null } : {}),
      })
      .where(stillOurs)
      .run();
    run.sent.push(mail.id);
    return;
  }
  const givingUp = failure.permanent || mail.attempts >= MAIL_MAX_ATTEMPTS;
  db.update(mailOutbox)
    .set(
      givingUp
        ? { status: 'failed', lastError: failure.error }
        : { lastError: failure.error, nextAttemptAt: new Date(now.getTime() + mailRetryDelayMs(mail.attempts)) },
    )
    .where(stillOurs)
    .run();
  if (givingUp) {
    log.error({ mailId: mail.id, kind: mail.kind, attempts: mail.attempts, error: failure.error }, 'mail: giving up on a message');
    run.failed.push(mail.id);
  } else {
    log.warn({ mailId: mail.id, kind: mail.kind, attempts: mail.attempts, error: failure.error }, 'mail: sending failed; it is tried again later');
    run.retrying.push(mail.id);
  }
}
