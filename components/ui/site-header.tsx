import Link from 'next/link';
import { signOutAction } from '@/app/(desk)/actions';
import { ROLE_LABELS } from '@/lib/domain-constants';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';
import { NavLink } from './nav-link';

export function SiteHeader({ user }: { user: SessionUser }) {
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
          <NavLink href="/desk/photos">Photos</NavLink>
          {can(user, 'user:manage') && <NavLink href="/admin">Admin</NavLink>}
        </nav>
        <div className="who">
          <span>
            {user.name} <span className="who__role">· {ROLE_LABELS[user.role]}</span>
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
