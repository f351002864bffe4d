import Link from 'next/link';
import { signOutAction } from '@/app/(desk)/actions';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { ROLE_LABELS } from '@/lib/domain-constants';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';
import { NavLink } from './nav-link';

/** `timeZone` is the newsroom's, for the times in the notifications panel. */
export function SiteHeader({ user, timeZone }: { user: SessionUser; timeZone: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/desk" className="brand">
          Dateline
        </Link>
        <nav className="site-nav" aria-label="Main">
          <NavLink href="/desk" sections={['/desk/articles']}>
            Desk
          </NavLink>
          {can(user, 'article:review') && <NavLink href="/desk/review">Review</NavLink>}
          {can(user, 'wire:read') && <NavLink href="/desk/wire">Wire</NavLink>}
          <NavLink href="/desk/photos">Photos</NavLink>
          {can(user, 'user:manage') && <NavLink href="/admin">Admin</NavLink>}
        </nav>
        <div className="who">
          <NotificationBell timeZone={timeZone} />
          <span>
            <Link href="/account" className="who__name" aria-label={`Your account: ${user.name}`}>
              {user.name}
            </Link>{' '}
            <span className="who__role">· {ROLE_LABELS[user.role]}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="button button--on-dark">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
