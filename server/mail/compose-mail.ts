import 'server-only';
import { escapeUTF8 } from 'entities';
import { z } from 'zod';
import { LINK_MAIL_KINDS, MAIL_KINDS, type QueuedMailKind } from '@/lib/mail/mail-kinds';

/**
 * One thing Dateline tells a person, as it was when it was queued: a sentence (which may quote a
 * headline or a name: user text, so it goes in the body and never in a header), an optional quoted
 * passage (a comment, a return note, why a schedule failed), and the desk address it is about.
 */
export const MailItem = z.object({
  kind: z.enum([...MAIL_KINDS, ...LINK_MAIL_KINDS]),
  sentence: z.string(),
  quote: z.string().nullable(),
  /** A path on the desk, e.g. /desk/articles/12?comment=40; made absolute with the site's address. */
  path: z.string().startsWith('/'),
});
export type MailItem = z.infer<typeof MailItem>;

export type ComposedMail = { subject: string; text: string; html: string };

/**
 * Fixed wording per kind: nothing a person typed ever reaches a header, so a headline cannot
 * inject one, and a subject line says what kind of message it is before it is opened.
 */
const MAIL_SUBJECTS: Record<QueuedMailKind, string> = {
  mentioned: 'You were mentioned in a comment',
  returned: 'A story was returned to you',
  submitted: 'A story was submitted for review',
  approved: 'Your story was approved',
  published: 'Your story was published',
  schedule_failed: 'A scheduled story was not published',
  invite: 'You are invited to the newsroom',
  reset: 'Set a new password',
  digest: 'Your daily summary',
};

/** What the link in each kind of message says. */
const LINK_LABELS: Record<MailItem['kind'], string> = {
  mentioned: 'Open the comment',
  returned: 'Open the story',
  submitted: 'Open the story',
  approved: 'Open the story',
  published: 'Open the story',
  schedule_failed: 'Open the story',
  invite: 'Set your password and sign in',
  reset: 'Set a new password',
};

const FOOTER = 'You can choose what Dateline emails you, and how often, on your account page:';

export function composeMail(item: MailItem, siteUrl: string): ComposedMail {
  const link = `${siteUrl}${item.path}`;
  const textParts = [item.sentence, ...(item.quote === null ? [] : [quoteText(item.quote)]), `${LINK_LABELS[item.kind]}: ${link}`];
  const htmlParts = [
    `<p>${escapeUTF8(item.sentence)}</p>`,
    ...(item.quote === null ? [] : [quoteHtml(item.quote)]),
    `<p><a href="${escapeUTF8(link)}">${escapeUTF8(LINK_LABELS[item.kind])}</a></p>`,
  ];
  // A link mail goes to someone who may not have an account yet: no preferences to change.
  const isNotification = (MAIL_KINDS as readonly string[]).includes(item.kind);
  return finish(MAIL_SUBJECTS[item.kind], textParts, htmlParts, isNotification ? siteUrl : null);
}

/** A person's daily items in one message, oldest first, each with its own link. */
export function composeDigest(items: MailItem[], siteUrl: string): ComposedMail {
  const intro = items.length === 1 ? 'One thing happened on the desk for you:' : `${items.length} things happened on the desk for you:`;
  const textParts = [
    intro,
    ...items.map((item) =>
      [`- ${item.sentence}`, ...(item.quote === null ? [] : [quoteText(item.quote)]), `  ${LINK_LABELS[item.kind]}: ${siteUrl}${item.path}`].join('\n'),
    ),
  ];
  const htmlList = items
    .map(
      (item) =>
        `<li><p>${escapeUTF8(item.sentence)}</p>${item.quote === null ? '' : quoteHtml(item.quote)}<p><a href="${escapeUTF8(`${siteUrl}${item.path}`)}">${escapeUTF8(LINK_LABELS[item.kind])}</a></p></li>`,
    )
    .join('\n');
  return finish(MAIL_SUBJECTS.digest, textParts, [`<p>${escapeUTF8(intro)}</p>`, `<ul>\n${htmlList}\n</ul>`], siteUrl);
}

function quoteText(quote: string): string {
  return quote
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function quoteHtml(quote: string): string {
  return `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #c9ced4;color:#4f5965">${escapeUTF8(quote).replaceAll('\n', '<br>')}</blockquote>`;
}

function finish(subject: string, textParts: string[], htmlParts: string[], accountSiteUrl: string | null): ComposedMail {
  const account = accountSiteUrl === null ? null : `${accountSiteUrl}/account`;
  const text = [...textParts, ...(account === null ? [] : [`--\n${FOOTER} ${account}`])].join('\n\n');
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeUTF8(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;line-height:1.5;color:#1b1f24">
${htmlParts.join('\n')}
${account === null ? '' : `<p style="color:#4f5965;font-size:0.875em">${escapeUTF8(FOOTER)} <a href="${escapeUTF8(account)}">your account</a></p>`}
</body>
</html>
`;
  return { subject, text: `${text}\n`, html };
}
