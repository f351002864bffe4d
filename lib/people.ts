/** Where an account stands, as the people page shows it. */
export const ACCOUNT_STATUSES = ['active', 'invited', 'invite_expired', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  invite_expired: 'Invite expired',
  disabled: 'Disabled',
};

/** Where an invite or reset link points; the page works out which of the two it is. */
export function passwordLinkPath(token: string): string {
  return `/invite/${token}`;
}
