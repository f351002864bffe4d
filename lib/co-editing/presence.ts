import { z } from 'zod';

/** Someone in the article, as the list of people shows them. */
export type Presence = { clientId: number; name: string; colour: string; typingIn: string | null; self: boolean };

/** What each browser publishes about itself; the server replaces `user` with the ticket's name and colour. */
const AwarenessState = z.object({
  user: z.object({ name: z.string(), color: z.string() }),
  typingIn: z.string().max(100).nullish(),
});

/**
 * The people in an article from its awareness states, this browser first and then by name. A state
 * without a user (a browser that has not announced itself yet) is left out.
 */
export function peopleInArticle(states: Map<number, Record<string, unknown>>, selfId: number): Presence[] {
  const people: Presence[] = [];
  for (const [clientId, state] of states) {
    const parsed = AwarenessState.safeParse(state);
    if (!parsed.success) continue;
    const { user, typingIn } = parsed.data;
    people.push({ clientId, name: user.name, colour: user.color, typingIn: typingIn ?? null, self: clientId === selfId });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
