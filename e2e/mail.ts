import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { startMailServer } from '../tests/mail-server';

/**
 * The suite's mail server: a real SMTP server (smtp-server) the app under test sends to
 * (SMTP_URL in playwright.config.ts). It runs in the runner process and the specs in workers, so it
 * writes each message it receives to E2E_MAIL_DIR, and specs read them from there.
 */
const mailDir = () => process.env.E2E_MAIL_DIR ?? '';

export async function startSuiteMailServer(): Promise<() => Promise<void>> {
  fs.mkdirSync(mailDir(), { recursive: true });
  const server = await startMailServer({
    port: Number(process.env.E2E_MAIL_PORT),
    onMessage: ({ raw }) => {
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const name = `${Date.now()}-${randomUUID()}`;
      const partial = path.join(mailDir(), `${name}.part`);
      fs.writeFileSync(partial, raw);
      fs.renameSync(partial, path.join(mailDir(), `${name}.eml`));
    },
  });
  return server.close;
}

/** Every message the suite's server has received for the address, oldest first. */
export async function messagesTo(address: string): Promise<ParsedMail[]> {
  const files = fs.readdirSync(mailDir()).filter((file) => file.endsWith('.eml')).sort();
  const parsed = await Promise.all(files.map((file) => simpleParser(fs.readFileSync(path.join(mailDir(), file)))));
  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((list) => list.value.map((entry) => entry.address));
  return parsed.filter((mail) => to(mail).includes(address));
}

/** Waits for the first message to the address with this subject (and text), as a person waits for their inbox. */
export async function waitForMail(address: string, subject: string, containing = ''): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await messagesTo(address)).find((mail) => mail.subject === subject && (mail.text ?? '').includes(containing));
        return found !== undefined;
      },
      { message: `an email “${subject}” to ${address}`, timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

/** The one link in a message's HTML part whose text is `label`. */
export function linkIn(mail: ParsedMail, label: string): string {
  const html = typeof mail.html === 'string' ? mail.html : '';
  const match = new RegExp(`<a href="([^"]+)">${label}</a>`).exec(html);
  if (!match?.[1]) throw new Error(`No “${label}” link in the email`);
  return match[1].replaceAll('&amp;', '&');
}
