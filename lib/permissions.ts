import type { Role } from './domain-constants';

/**
 * Who may do what: DESIGN.md's role table as data. The UI reads it to hide what a person cannot
 * do; the domain in server/ reads it to refuse. `:own` actions also need the resource to belong to
 * the person, `:any` ones do not; the domain adds status rules (e.g. only drafts are editable by
 * their writer) on top of this table.
 */
export const PERMISSIONS = {
  'article:create': ['editor', 'copy_editor', 'admin'],
  'article:read:own': ['editor', 'copy_editor', 'admin'],
  /** Other people's articles once they have left draft; copy desk and admins see drafts too. */
  'article:read:submitted': ['editor', 'copy_editor', 'admin'],
  'article:read:any': ['copy_editor', 'admin'],
  'article:edit:own': ['editor', 'copy_editor', 'admin'],
  'article:edit:any': ['copy_editor', 'admin'],
  'article:submit:own': ['editor', 'copy_editor', 'admin'],
  'article:review': ['copy_editor', 'admin'],
  'article:publish:approved': ['editor', 'copy_editor', 'admin'],
  'article:publish:any': ['copy_editor', 'admin'],
  'article:unpublish': ['editor', 'copy_editor', 'admin'],
  'photo:read': ['editor', 'copy_editor', 'admin'],
  'photo:upload': ['editor', 'copy_editor', 'admin'],
  'photo:edit': ['editor', 'copy_editor', 'admin'],
  'comment:create': ['editor', 'copy_editor', 'admin'],
  /** Tags are made on the fly while filing a story; renaming and merging them is an admin's. */
  'tag:create': ['editor', 'copy_editor', 'admin'],
  'taxonomy:manage': ['admin'],
  /**
   * A reporter keeps their own public profile (bio, photo, the name their byline prints); an admin
   * keeps everyone's, adds contributors without an account, and links a profile to a staff account.
   */
  'author:edit:own': ['editor', 'copy_editor', 'admin'],
  'author:edit:any': ['admin'],
  /**
   * Live coverage (docs/decisions/021). Starting a live story, keeping its key points and ending
   * its coverage belong to whoever runs the story: its owner, or the desk for any story. Any
   * reporter posts entries to a live story they can see, since a live page is written by everyone
   * on the story at once, and edits or removes their own; the copy desk edits, removes and pins
   * anyone's, as it keeps the page in order.
   */
  'live:manage:own': ['editor', 'copy_editor', 'admin'],
  'live:manage:any': ['copy_editor', 'admin'],
  'live:post': ['editor', 'copy_editor', 'admin'],
  'live:entry:edit:own': ['editor', 'copy_editor', 'admin'],
  'live:entry:edit:any': ['copy_editor', 'admin'],
  'live:entry:pin': ['copy_editor', 'admin'],
  /**
   * Removing words from a story's public history for legal reasons (docs/decisions/024): the people
   * who may publish, since it changes what the public reads; the story must be one they may see.
   */
  'article:legal-removal': ['editor', 'copy_editor', 'admin'],
  /**
   * Preview links (docs/decisions/027): whoever runs the story may show it to someone outside the
   * newsroom before it runs — its writer for their own story, whatever its status, and the desk for
   * any — and may revoke any link made for it.
   */
  'preview:share:own': ['editor', 'copy_editor', 'admin'],
  'preview:share:any': ['copy_editor', 'admin'],
  /**
   * Wire ingest (docs/decisions/025): everyone on the desk reads the wire and may make a draft from
   * an item; only an admin gives an agency a token or imports from the shell, as an agency's items
   * reach the whole newsroom.
   */
  'wire:read': ['editor', 'copy_editor', 'admin'],
  'wire:use': ['editor', 'copy_editor', 'admin'],
  'wire:ingest': ['admin'],
  'wire:manage': ['admin'],
  'settings:manage': ['admin'],
  'user:manage': ['admin'],
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function roleCan(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** The subject of an ownership check: only the owner is needed, not the whole row. */
export type Owned = { authorId: number };

/** The actions with an `:own` and an `:any` variant. */
export type OwnedAction =
  | 'article:edit'
  | 'article:read'
  | 'article:submit'
  | 'author:edit'
  | 'live:manage'
  | 'live:entry:edit'
  | 'preview:share';

/**
 * `can(user, 'article:edit', article)` answers for either variant: the `:any` permission, or the
 * `:own` one when the user owns the resource.
 */
export function can(
  user: { id: number; role: Role },
  action: OwnedAction,
  resource: Owned,
): boolean;
export function can(user: { id: number; role: Role }, action: Action): boolean;
export function can(user: { id: number; role: Role }, action: string, resource?: Owned): boolean {
  if (action in PERMISSIONS) return roleCan(user.role, action as Action);
  const any = `${action}:any` as Action;
  const own = `${action}:own` as Action;
  if (any in PERMISSIONS && roleCan(user.role, any)) return true;
  return (
    own in PERMISSIONS && resource !== undefined && resource.authorId === user.id && roleCan(user.role, own)
  );
}
