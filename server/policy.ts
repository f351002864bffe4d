import 'server-only';
import { AppError } from '@/lib/app-error';
import { type Action, can, type Owned, type OwnedAction } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';

/** The system itself acting: start-up, the shell's `user:create`, the demo seed. */
export const SYSTEM = { system: true } as const;
export type Actor = SessionUser | typeof SYSTEM;

export function isSystem(actor: Actor): actor is typeof SYSTEM {
  return 'system' in actor;
}

export function actorId(actor: Actor): number | null {
  return isSystem(actor) ? null : actor.id;
}

const REFUSAL = 'You do not have permission to do that.';

/** Throws FORBIDDEN unless the user's role allows the action. */
export function assertCan(actor: Actor, action: Action): void {
  if (isSystem(actor)) return;
  if (!can(actor, action)) throw new AppError('FORBIDDEN', REFUSAL);
}

/** Throws FORBIDDEN unless the user may act on this resource (own or any). */
export function assertCanOn(
  actor: Actor,
  action: OwnedAction,
  resource: Owned,
  message = REFUSAL,
): void {
  if (isSystem(actor)) return;
  if (!can(actor, action, resource)) throw new AppError('FORBIDDEN', message);
}
