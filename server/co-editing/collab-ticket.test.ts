import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser, writtenStory } from '@/tests/factories';
import { submitArticle } from '@/server/articles/review-steps';
import { changeUserRole, setUserDisabled } from '@/server/users/update-user-access';
import { currentCollabStanding } from './collab-access';
import { COLLAB_TICKET_TTL_MS, issueCollabTicket, readCollabTicket, TicketRefusal } from './collab-ticket';

const T0 = new Date('2026-12-05T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let admin: SessionUser;
let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  [admin, writer, otherWriter, desk] = await Promise.all([makeUser('admin'), makeUser('editor', 'Rita Writer'), makeUser('editor', 'Omar Writer'), makeUser('copy_editor')]);
});

function refusalOf(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof TicketRefusal) return error.reason;
    throw error;
  }
  return undefined;
}

describe('a co-editing ticket', () => {
  it('lets the writer edit their draft, and only watch once it is with the copy desk, who may edit it', () => {
    const story = writtenStory(writer, 'Ferry strike', T0);
    const ticket = issueCollabTicket(writer, story.id, T0);
    expect(ticket).toMatchObject({ mode: 'edit', expiresAt: later(COLLAB_TICKET_TTL_MS).toISOString() });
    expect(readCollabTicket(ticket.ticket, story.id, T0)).toMatchObject({ articleId: story.id, userId: writer.id, mode: 'edit' });

    submitArticle(writer, story.id, { version: story.version }, T0);
    expect(issueCollabTicket(writer, story.id, T0).mode).toBe('read');
    expect(issueCollabTicket(desk, story.id, T0).mode).toBe('edit');
    // The ticket in hand said edit; the standing re-read now says read.
    expect(currentCollabStanding(readCollabTicket(ticket.ticket, story.id, T0))?.mode).toBe('read');
  });

  it('is not issued for an article the person may not see', () => {
    const story = writtenStory(writer, 'Private draft', T0);
    expect(appErrorFrom(() => issueCollabTicket(otherWriter, story.id, T0))).toMatchObject({ code: 'NOT_FOUND' });
    expect(appErrorFrom(() => issueCollabTicket(writer, 999_999, T0))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is refused when forged, tampered with, expired, cut or for another article', () => {
    const story = writtenStory(writer, 'Harbour fire', T0);
    const other = writtenStory(writer, 'Harbour smoke', T0);
    const { ticket } = issueCollabTicket(writer, story.id, T0);
    const [payload, signature] = ticket.split('.') as [string, string];

    expect(refusalOf(() => readCollabTicket(ticket, story.id, later(COLLAB_TICKET_TTL_MS - 1)))).toBeUndefined();
    expect(refusalOf(() => readCollabTicket(ticket, story.id, later(COLLAB_TICKET_TTL_MS)))).toBe('expired-ticket');
    expect(refusalOf(() => readCollabTicket(ticket, other.id, T0))).toBe('wrong-article');
    expect(refusalOf(() => readCollabTicket(payload, story.id, T0))).toBe('malformed-ticket');
    expect(refusalOf(() => readCollabTicket(`${ticket}.x`, story.id, T0))).toBe('malformed-ticket');
    expect(refusalOf(() => readCollabTicket('', story.id, T0))).toBe('malformed-ticket');

    // Another article's claims under this ticket's signature, and this ticket's claims upgraded by hand.
    const otherPayload = issueCollabTicket(writer, other.id, T0).ticket.split('.')[0]!;
    expect(refusalOf(() => readCollabTicket(`${otherPayload}.${signature}`, other.id, T0))).toBe('forged-ticket');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const longer = Buffer.from(JSON.stringify({ ...claims, expiresAt: later(3_600_000).getTime() })).toString('base64url');
    expect(refusalOf(() => readCollabTicket(`${longer}.${signature}`, story.id, T0))).toBe('forged-ticket');
    expect(refusalOf(() => readCollabTicket(`${payload}.${'A'.repeat(signature.length)}`, story.id, T0))).toBe('forged-ticket');
    expect(refusalOf(() => readCollabTicket(`${payload}.`, story.id, T0))).toBe('forged-ticket');
  });

  it('stops counting once its holder is disabled or has their role changed', async () => {
    const writerToDisable = await makeUser('editor', 'Dana Disabled');
    const writerToDemote = await makeUser('editor', 'Rob Role');
    const first = writtenStory(writerToDisable, 'Council vote', T0);
    const second = writtenStory(writerToDemote, 'Council budget', T0);
    const disabledTicket = readCollabTicket(issueCollabTicket(writerToDisable, first.id, T0).ticket, first.id, T0);
    const demotedTicket = readCollabTicket(issueCollabTicket(writerToDemote, second.id, T0).ticket, second.id, T0);
    expect(currentCollabStanding(disabledTicket)).toMatchObject({ user: { name: 'Dana Disabled' }, mode: 'edit' });

    setUserDisabled(admin, writerToDisable.id, true, T0);
    changeUserRole(admin, writerToDemote.id, 'copy_editor', T0);
    expect(currentCollabStanding(disabledTicket)).toBeNull();
    expect(currentCollabStanding(demotedTicket)).toBeNull();
    expect(appErrorFrom(() => issueCollabTicket(writerToDisable, first.id, T0))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
