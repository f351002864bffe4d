import { NavLink } from '@/components/ui/nav-link';

/** The admin's pages, on each of them. */
export function AdminNav() {
  return (
    <nav className="admin-nav" aria-label="Admin">
      <NavLink href="/admin/users">People</NavLink>
      <NavLink href="/admin/sections">Sections</NavLink>
      <NavLink href="/admin/tags">Tags</NavLink>
      <NavLink href="/admin/authors">Authors</NavLink>
      <NavLink href="/admin/audit">Audit log</NavLink>
    </nav>
  );
}
