/** Someone in the article, as the list of people shows them. */
export type Presence = { clientId: number; name: string; colour: string; typingIn: string | null; self: boolean };

const MAX_FIELD_LABEL = 100;

/**
 * What a browser publishes about itself, if it has the right shape; the server replaces `user` with
 * the ticket's name and colour. Checked by hand rather than with zod, which stays off the editor's
 * first load.
 */
function presenceOf(state: Record<string, unknown>): { name: string; colour: string; typingIn: string | null } | null {
  const { user, typingIn } = state;
  if (typeof user !== 'object' || user === null) return null;
  const { name, color } = user as Record<string, unknown>;
  if (typeof name !== 'string' || typeof color !== 'string') return null;
  if (typingIn !== undefined && typingIn !== null && (typeof typingIn !== 'string' || typingIn.length > MAX_FIELD_LABEL)) return null;
  return { name, colour: color, typingIn: typingIn ?? null };
}

/**
 * The people in an article from its awareness states, this browser first and then by name. A state
 * without a user (a browser that has not announced itself yet) is left out.
 */
export function peopleInArticle(states: Map<number, Record<string, unknown>>, selfId: number): Presence[] {
  const people: Presence[] = [];
  for (const [clientId, state] of states) {
    const presence = presenceOf(state);
    if (presence) people.push({ clientId, ...presence, self: clientId === selfId });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
